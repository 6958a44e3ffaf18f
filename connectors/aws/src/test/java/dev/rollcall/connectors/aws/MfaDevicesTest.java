package dev.rollcall.connectors.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rollcall.model.MfaFactorType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MfaDevicesTest {
  @ParameterizedTest
  @CsvSource({
    "arn:aws:iam::111122223333:mfa/alice-phone, VIRTUAL_TOTP",
    "arn:aws:iam::111122223333:mfa/root-account-mfa-device, VIRTUAL_TOTP",
    "arn:aws:iam::111122223333:u2f/user/carol/yubikey-EXAMPLE7QZX4ABCD, SECURITY_KEY",
    "arn:aws:iam::111122223333:u2f/root/root-key-EXAMPLE, SECURITY_KEY",
    "GAHT12345678, HARDWARE_TOTP",
    "arn:aws-us-gov:iam::111122223333:mfa/gov-user, VIRTUAL_TOTP",
    "arn:aws:iam::111122223333:sms-mfa/bob, SMS",
    "arn:aws:iam::111122223333:something/else, UNSPECIFIED"
  })
  void typesAFactorByTheShapeOfItsSerial(String serial, MfaFactorType expected) {
    assertEquals(expected, MfaDevices.typeOf(serial));
  }
}
