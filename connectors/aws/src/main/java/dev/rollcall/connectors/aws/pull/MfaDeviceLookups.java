package dev.rollcall.connectors.aws.pull;

import dev.rollcall.connectors.aws.CredentialReport;
import dev.rollcall.connectors.aws.CredentialReportRow;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;

/**
 * Whose MFA devices the pull has to list user by user. {@code ListVirtualMFADevices} names every
 * virtual device and its holder, so a user whose MFA is active and who holds one has a known factor
 * type; only a user whose MFA is active and who holds none has a device that nothing bulk describes
 * (a FIDO key or a hardware token, told apart by its serial number).
 *
 * <p>A user may hold several devices (up to eight, of mixed kinds:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html), so one with a virtual
 * device may also hold a key. The account summary's {@code MFADevicesInUse} counts the devices
 * assigned in the account: when it is more than the virtual devices plus the devices the per-user
 * listings found (plus one for a root user whose MFA is active without a virtual device), some are
 * unaccounted for, and the holders of virtual devices are listed too, one by one, until none is.
 * AWS documents the key but not which device kinds it counts
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html), so it only ever
 * adds listings; it never removes one.
 */
final class MfaDeviceLookups {
  private final Set<String> virtualHolders;
  private final Set<String> virtualSerials;
  private final boolean rootHoldsVirtual;

  private MfaDeviceLookups(
      Set<String> virtualHolders, Set<String> virtualSerials, boolean rootHoldsVirtual) {
    this.virtualHolders = virtualHolders;
    this.virtualSerials = virtualSerials;
    this.rootHoldsVirtual = rootHoldsVirtual;
  }

  /** From every page of {@code ListVirtualMFADevices}; unassigned devices are left out. */
  static MfaDeviceLookups of(List<ListVirtualMfaDevicesResponse> pages) {
    Set<String> holders = new HashSet<>();
    Set<String> serials = new HashSet<>();
    boolean root = false;
    for (ListVirtualMfaDevicesResponse page : pages) {
      for (VirtualMFADevice device : page.virtualMFADevices()) {
        if (device.user() == null) {
          continue;
        }
        serials.add(device.serialNumber());
        String arn = device.user().arn();
        if (arn != null && arn.endsWith(":root")) {
          root = true;
        } else if (device.user().userName() != null) {
          holders.add(device.user().userName());
        }
      }
    }
    return new MfaDeviceLookups(holders, serials, root);
  }

  /** The IAM users whose report row says MFA is active and who hold no virtual device. */
  Set<String> withoutVirtualDevice(CredentialReport report) {
    return usersWithMfa(report, false);
  }

  /** The IAM users whose report row says MFA is active and who hold a virtual device. */
  Set<String> withVirtualDevice(CredentialReport report) {
    return usersWithMfa(report, true);
  }

  /** True for a device {@code ListVirtualMFADevices} already names. */
  boolean virtual(String serial) {
    return virtualSerials.contains(serial);
  }

  /**
   * How many assigned devices neither listing accounts for, by the account summary; {@link
   * Long#MAX_VALUE} when the summary does not say.
   *
   * @param listed the devices found by the per-user listings that are not virtual
   */
  long unaccounted(GetAccountSummaryResponse summary, CredentialReport report, long listed) {
    Integer inUse = summary.summaryMap().get(SummaryKeyType.MFA_DEVICES_IN_USE);
    if (inUse == null) {
      return Long.MAX_VALUE;
    }
    boolean rootOtherDevice =
        !rootHoldsVirtual && report.rows().stream().anyMatch(r -> r.isRoot() && r.mfaActive());
    return inUse - virtualSerials.size() - listed - (rootOtherDevice ? 1 : 0);
  }

  private Set<String> usersWithMfa(CredentialReport report, boolean holdingVirtual) {
    Set<String> users = new TreeSet<>();
    for (CredentialReportRow row : report.rows()) {
      if (row.mfaActive()
          && !CredentialReportRow.ROOT.equals(row.user())
          && virtualHolders.contains(row.user()) == holdingVirtual) {
        users.add(row.user());
      }
    }
    return users;
  }
}
