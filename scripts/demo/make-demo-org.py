#!/usr/bin/env python3
"""Writes the bundled demo organisation, Meridian Health, as a rollcall snapshot.

Every person, account and planted problem is listed explicitly below; the output is
deterministic (no randomness, no clock). Run it from anywhere:

    python3 scripts/demo/make-demo-org.py

and commit what changed under examples/demo/snapshot/. Dates are relative to CAPTURED.
"""
import csv
import io
import json
import urllib.parse
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "examples" / "demo" / "snapshot"
CAPTURED = datetime(2026, 11, 20, 6, 0, 0, tzinfo=timezone.utc)
DOMAIN = "meridianhealth.example"
ALT = "meridian-care.example"
PROD, STAGING = "111122223333", "444455556666"
ORG = "5f1a2b3c4d5e6f7a8b9c0d1e"
CLINICAL, ANALYTICS = "6a1b2c3d4e5f6a7b8c9d0e1f", "6b2c3d4e5f6a7b8c9d0e1f2a"


def ago(days, hours=0):
    return CAPTURED - timedelta(days=days, hours=hours)


def g_time(t):  # Google: 2026-11-19T09:12:00.000Z
    return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def aws_time(t):  # credential report: 2026-11-19T09:12:00+00:00
    return t.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def cli_time(t):  # AWS CLI JSON: 2026-11-19T09:12:00+00:00
    return aws_time(t)


def atlas_time(t):  # Atlas: 2026-11-19T09:12:00Z
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_json(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n")


# ---------------------------------------------------------------- people (Google Workspace)
# (given, family, org unit, days since last login or None = never, 2SV enrolled, extras)
PEOPLE = [
    ("Olivia", "Grant", "/Executives", 1, True, {"admin": True, "title": "CTO"}),
    ("Marcus", "Lee", "/Data", 2, True, {}),
    ("David", "Kim", "/Engineering", 1, True, {}),
    ("Priya", "Shah", "/Engineering", 1, True, {}),
    ("Mark", "Evans", "/Engineering", 3, False, {}),  # planted: no 2SV
    ("Grace", "Lin", "/Engineering", 1, True, {}),
    ("Ben", "Carter", "/Engineering", 2, True, {}),
    ("Chloe", "Martin", "/Engineering", 1, True, {}),
    ("Omar", "Haddad", "/Engineering", 1, True, {}),
    ("Sofia", "Rossi", "/Data", 4, True, {}),
    ("Kevin", "Otto", "/Engineering", 5, True, {}),
    ("Lisa", "Park", "/Engineering", 2, True, {}),
    ("Rachel", "Green", "/Engineering", 1, True, {}),
    ("Dan", "Wright", "/Engineering", 6, True, {}),
    ("Emma", "Stone", "/Engineering", 1, True, {}),
    ("Felix", "Braun", "/Engineering", 2, True, {}),
    ("Julia", "Diaz", "/Engineering", 1, True, {"aliases": [f"jd@{DOMAIN}", f"julia@{ALT}"]}),
    ("Admin", "Smith", "/Clinical Ops", 3, True, {}),  # near miss: a person called Admin
    ("Hannah", "Wu", "/People", 1, True, {"role": "user-management"}),  # planted: escalation role
    ("Ian", "Cole", "/Support", 2, True, {"role": "help-desk"}),  # near miss: read-only role
    ("Victor", "Hale", "/Finance", 91, True, {}),  # planted: dormant 91 days
    ("Nora", "Quinn", "/Finance", 89, True, {}),  # near miss: 89 days
    ("Paul", "Ng", "/Clinical Ops", None, True, {"created": 150}),  # planted: never signed in
    ("Zoe", "Adams", "/Clinical Ops", None, True, {"created": 10}),  # near miss: new hire
    ("Tom", "Baker", "/Engineering", 30, True, {"suspended": "ADMIN"}),  # leaver, IAM user left
    ("Rita", "Moreno", "/Data", 45, True, {"archived": True}),  # leaver, Atlas user left
    ("Sam", "Owusu", "/Data", 20, True, {"suspended": "ADMIN"}),  # leaver, Atlas db user left
    ("Lena", "Fischer", "/Engineering", 60, True, {"suspended": "ADMIN"}),  # near miss: cleaned up
    ("Aisha", "Bello", "/Clinical Ops", 1, True, {}),
    ("Carlos", "Mendes", "/Clinical Ops", 2, True, {}),
    ("Diana", "Petrova", "/Clinical Ops", 1, True, {}),
    ("Ethan", "Brooks", "/Clinical Ops", 3, True, {}),
    ("Fatima", "Rahman", "/Clinical Ops", 1, True, {}),
    ("George", "Ito", "/Clinical Ops", 4, True, {}),
    ("Helen", "Novak", "/Clinical Ops", 2, True, {}),
    ("Isaac", "Levi", "/Clinical Ops", 1, True, {}),
    ("Jasmine", "Ortiz", "/Clinical Ops", 6, True, {}),
    ("Karl", "Jensen", "/Support", 1, True, {}),
    ("Laura", "Becker", "/Support", 2, True, {}),
    ("Mateo", "Silva", "/Support", 1, True, {}),
    ("Nadia", "Karim", "/Support", 5, True, {}),
    ("Oscar", "Lund", "/Finance", 3, True, {}),
    ("Paula", "Costa", "/Finance", 1, True, {}),
    ("Quentin", "Blake", "/Finance", 12, True, {}),
    ("Rosa", "Ibarra", "/People", 2, True, {}),
    ("Stefan", "Horvat", "/People", 1, True, {}),
    ("Tara", "Walsh", "/Executives", 1, True, {}),
    ("Umar", "Farouk", "/Executives", 4, True, {}),
    ("Vera", "Sokolova", "/Data", 1, True, {}),
    ("Will", "Turner", "/Data", 2, True, {}),
    ("Xenia", "Pappas", "/Data", 30, True, {}),
    ("Yusuf", "Demir", "/Engineering", 1, True, {}),
    ("Zara", "Hughes", "/Engineering", 2, True, {}),
    ("Aaron", "Fox", "/Engineering", 7, True, {}),
    ("Bianca", "Russo", "/Clinical Ops", 1, True, {}),
    ("Caleb", "Moss", "/Support", 2, True, {}),
    ("Daria", "Volkova", "/Clinical Ops", 8, True, {}),
    ("Elias", "Berg", "/Finance", 1, True, {}),
]
# Role mailboxes and shared Google accounts (planted: generic names).
MAILBOXES = [
    # (local part, given, family, days since login, 2SV, extras)
    ("it-support", "IT", "Support", 5, False, {}),  # generic + no 2SV
    ("admin", "Admin", "Meridian", 20, True, {"admin": True}),  # generic + super admin
]


def email(given, family):
    return f"{given.lower()}.{family.lower()}@{DOMAIN}"


def google_users():
    users = []
    rows = [(email(g, f), g, f, ou, last, tsv, x) for g, f, ou, last, tsv, x in PEOPLE]
    rows += [(f"{local}@{DOMAIN}", g, f, "/IT", last, tsv, x) for local, g, f, last, tsv, x in MAILBOXES]
    for i, (address, given, family, ou, last, tsv, extra) in enumerate(rows):
        uid = str(104_000_000_000_000_000_000 + 7919 * (i + 1))
        created = ago(extra.get("created", 400 + 13 * i))
        user = {
            "kind": "admin#directory#user",
            "id": uid,
            "etag": f'"etag-{uid}"',
            "primaryEmail": address,
            "name": {"givenName": given, "familyName": family, "fullName": f"{given} {family}"},
            "isAdmin": bool(extra.get("admin")),
            "isDelegatedAdmin": "role" in extra,
            "lastLoginTime": g_time(ago(last, 3)) if last is not None else "1970-01-01T00:00:00.000Z",
            "creationTime": g_time(created),
            "agreedToTerms": last is not None,
            "suspended": "suspended" in extra,
            "archived": bool(extra.get("archived")),
            "changePasswordAtNextLogin": last is None,
            "ipWhitelisted": False,
            "emails": [{"address": address, "primary": True}]
            + [{"address": a} for a in extra.get("aliases", [])],
            "customerId": "C03az79cb",
            "orgUnitPath": ou,
            "isMailboxSetup": True,
            "isEnrolledIn2Sv": tsv,
            "isEnforcedIn2Sv": tsv,
            "includeInGlobalAddressList": True,
            "thumbnailPhotoUrl": f"https://www.google.com/s2/photos/private/{uid}",
        }
        if "suspended" in extra:
            user["suspensionReason"] = extra["suspended"]
        if extra.get("aliases"):
            user["aliases"] = extra["aliases"]
        user["nonEditableAliases"] = [address.replace(DOMAIN, "meridianhealth.example.test-google-a.com")]
        if "title" in extra:
            user["organizations"] = [{"title": extra["title"], "primary": True, "customType": ""}]
        users.append(user)
    return users


def write_google():
    base = ROOT / "google" / DOMAIN
    users = google_users()
    by_email = {u["primaryEmail"]: u for u in users}
    for u in users:  # everyone reports to the CTO, except the CTO
        if u["primaryEmail"] != email("Olivia", "Grant"):
            u["relations"] = [{"value": email("Olivia", "Grant"), "type": "manager"}]
    half = 36
    write_json(base / "users" / "page-1.json", {
        "kind": "admin#directory#users", "etag": '"users-page-1"',
        "users": users[:half], "nextPageToken": "Q0FFU0FnZ0M"})
    write_json(base / "users" / "page-2.json", {
        "kind": "admin#directory#users", "etag": '"users-page-2"', "users": users[half:]})
    roles = [
        {"kind": "admin#directory#role", "roleId": "91447453409034241", "roleName": "_SEED_ADMIN_ROLE",
         "roleDescription": "Google Apps Administrator Seed Role", "isSystemRole": True, "isSuperAdminRole": True,
         "rolePrivileges": [{"privilegeName": "SUPER_ADMIN", "serviceId": "01ci93xb3tmzyin"}]},
        {"kind": "admin#directory#role", "roleId": "91447453409034242", "roleName": "User Management Admin",
         "roleDescription": "User Management Administrator", "isSystemRole": True, "isSuperAdminRole": False,
         "rolePrivileges": [{"privilegeName": "USERS_ALL", "serviceId": "00haapch16h1ysv"}]},
        {"kind": "admin#directory#role", "roleId": "91447453409034243", "roleName": "Help Desk Admin",
         "roleDescription": "Help Desk Administrator", "isSystemRole": True, "isSuperAdminRole": False,
         "rolePrivileges": [{"privilegeName": "USERS_RETRIEVE", "serviceId": "00haapch16h1ysv"},
                            {"privilegeName": "ADMIN_DASHBOARD", "serviceId": "01ci93xb3tmzyin"}]},
        {"kind": "admin#directory#role", "roleId": "91447453409034244", "roleName": "Groups Reader",
         "roleDescription": "Groups Reader", "isSystemRole": True, "isSuperAdminRole": False,
         "rolePrivileges": [{"privilegeName": "GROUPS_RETRIEVE", "serviceId": "00haapch16h1ysv"}]},
    ]
    write_json(base / "roles.json", {"kind": "admin#directory#roles", "etag": '"roles"', "items": roles})
    def assignment(n, role, who):
        return {"kind": "admin#directory#roleAssignment", "etag": f'"ra-{n}"',
                "roleAssignmentId": str(91447453409035000 + n), "roleId": role,
                "assignedTo": by_email[who]["id"], "assigneeType": "user", "scopeType": "CUSTOMER"}
    write_json(base / "roleAssignments.json", {"kind": "admin#directory#roleAssignments", "etag": '"ras"', "items": [
        assignment(1, "91447453409034241", email("Olivia", "Grant")),
        assignment(2, "91447453409034241", f"admin@{DOMAIN}"),
        assignment(3, "91447453409034242", email("Hannah", "Wu")),
        assignment(4, "91447453409034243", email("Ian", "Cole")),
    ]})
    write_json(base / "rollcall-snapshot.json", {"capturedAt": atlas_time(CAPTURED)})


# ---------------------------------------------------------------- AWS
def doc(statements):
    return {"Version": "2012-10-17", "Statement": statements}


AWS_MANAGED = {
    "AdministratorAccess": doc([{"Effect": "Allow", "Action": "*", "Resource": "*"}]),
    "PowerUserAccess": doc([
        {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*"},
        {"Effect": "Allow", "Action": ["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole",
                                        "iam:ListRoles", "organizations:DescribeOrganization",
                                        "account:ListRegions"], "Resource": "*"}]),
    "ReadOnlyAccess": doc([{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*", "ec2:Describe*",
                                                          "iam:Get*", "iam:List*", "rds:Describe*",
                                                          "cloudwatch:Get*", "logs:Get*"], "Resource": "*"}]),
    "SecurityAudit": doc([{"Effect": "Allow", "Action": ["iam:GenerateCredentialReport", "iam:Get*",
                                                         "iam:List*", "cloudtrail:DescribeTrails",
                                                         "config:Describe*", "s3:GetBucketPolicy"],
                           "Resource": "*"}]),
}
CUSTOMER = {
    "DeployPipeline": doc([{"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject", "ecs:UpdateService",
                                                          "ecs:DescribeServices", "ecr:*"],
                            "Resource": "*"}]),
    "IamKeyManager": doc([{"Effect": "Allow", "Action": ["iam:CreateAccessKey", "iam:AttachUserPolicy",
                                                         "iam:ListUsers"], "Resource": "*"}]),
    "DataLakeWriter": doc([{"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject", "glue:StartJobRun"],
                            "Resource": ["arn:aws:s3:::meridian-lake/*", "arn:aws:glue:*:*:job/*"]}]),
    "BackupOperator": doc([{"Effect": "Allow", "Action": ["backup:StartBackupJob", "s3:PutObject"],
                            "Resource": "*"}]),
}


def policy_arn(account, name):
    if name in AWS_MANAGED:
        return f"arn:aws:iam::aws:policy/{name}"
    return f"arn:aws:iam::{account}:policy/{name}"


def encode(document, url_encoded):
    return urllib.parse.quote(json.dumps(document, separators=(",", ":"))) if url_encoded else document


# An IAM user: (name, groups, managed policies, inline {name: doc}, tags, path,
#   password: None or (last used days or None, changed days), mfa serial kind or None,
#   keys: [(active, rotated days, last used days or None, service)])
GROUPS = {
    "Admins": ["AdministratorAccess"],
    "Developers": ["PowerUserAccess", "DataLakeWriter"],
    "ReadOnly": ["ReadOnlyAccess"],
    "Auditors": ["SecurityAudit"],
}
P = lambda first, last: f"{first}.{last}"
PROD_USERS = [
    dict(name=P("olivia", "grant"), groups=["Admins"], password=(1, 80), mfa="virtual"),
    dict(name=P("david", "kim"), groups=["Developers"], password=(1, 70), mfa="virtual"),
    dict(name=f"priya.shah@{DOMAIN}", groups=["Auditors"], password=(2, 60), mfa="virtual"),
    dict(name=P("grace", "lin"), groups=["Developers"], password=(1, 50), mfa="virtual"),
    dict(name=P("ben", "carter"), groups=["Developers"], password=(2, 40), mfa="virtual"),
    dict(name=P("chloe", "martin"), groups=["Developers"], password=(1, 33), mfa="virtual"),
    dict(name=P("omar", "haddad"), groups=["Developers"], password=(1, 31), mfa="virtual"),
    dict(name=P("sofia", "rossi"), groups=["ReadOnly"], password=(4, 30), mfa="virtual"),
    dict(name=P("admin", "smith"), groups=["ReadOnly"], password=(3, 29), mfa="virtual"),  # near miss
    dict(name=P("emma", "stone"), groups=["Developers"], password=(1, 28), mfa="fido"),
    dict(name=P("felix", "braun"), groups=["Developers"], password=(2, 27), mfa="hardware"),
    dict(name="jd", groups=["Developers"], password=(1, 26), mfa="virtual"),  # linked by alias
    dict(name=P("kevin", "otto"), groups=["ReadOnly"], password=(91, 120), mfa="virtual"),  # dormant
    dict(name=P("lisa", "park"), groups=["ReadOnly"], password=(89, 120), mfa="virtual"),  # near miss
    dict(name=P("rachel", "green"), groups=["ReadOnly"], managed=["IamKeyManager"], password=(1, 20), mfa="virtual"),
    dict(name=P("dan", "wright"), groups=["Developers"], password=(6, 20), mfa="virtual",
         inline={"break-glass-everything": doc([{"Effect": "Allow", "Action": "*", "Resource": "*"}])}),
    dict(name=P("tom", "baker"), groups=["Developers"], password=(10, 200), mfa="virtual"),  # leaver
    dict(name=P("mark", "evans"), groups=["Developers"], password=(3, 90), mfa=None),  # no MFA
    dict(name="sysadmin1", groups=["Admins"], password=(4, 60), mfa="virtual",
         tags={"owner": email("David", "Kim")}),
    dict(name="test", groups=["ReadOnly"], password=(200, 400), mfa=None),
    dict(name="contractor-bob", groups=["Developers"], password=(3, 50), mfa="virtual"),
    dict(name="ci-deploy", managed=["DeployPipeline"], path="/service/",
         tags={"kind": "service", "owner": email("Omar", "Haddad")},
         keys=[(True, 60, 1, "ecs")]),
    dict(name="etl-loader", managed=["DataLakeWriter"], tags={"kind": "service", "owner": f"data-team@{DOMAIN}"},
         keys=[(True, 45, 1, "s3")]),
    dict(name="backup-agent", managed=["BackupOperator"],
         tags={"kind": "service", "owner": f"{email('Priya', 'Shah')}, {email('Mark', 'Evans')}"},
         keys=[(True, 30, 2, "backup"), (False, 400, 380, "s3")]),
]
STAGING_USERS = [
    dict(name=P("grace", "lin"), groups=["ReadOnly"], password=(5, 50), mfa="virtual"),
    dict(name=P("ben", "carter"), groups=["Developers"], password=(1, 40), mfa="virtual"),
    dict(name=P("kevin", "otto"), groups=["Developers"], password=(5, 40), mfa=None),  # no MFA
    dict(name="shared-qa", groups=["Developers"], password=(2, 30), mfa="virtual"),  # mapped to two people
    dict(name="staging-admin", groups=["Admins"], password=(8, 30), mfa="virtual",
         tags={"owner": email("Ben", "Carter")}),
    dict(name="load-tester", managed=["DeployPipeline"], tags={"kind": "service", "owner": email("Sofia", "Rossi")},
         keys=[(True, 200, 120, "ec2")]),
    dict(name=P("yusuf", "demir"), groups=["ReadOnly"], password=(None, 30), mfa="virtual", created=30),  # near miss: new
]


def write_aws(account, users, root, url_encoded, upper_booleans):
    base = ROOT / "aws" / account
    user_ids = {}
    details_users = []
    for i, u in enumerate(users):
        uid = "AIDA" + (account[:4] + f"{i:04d}" + u["name"].upper().replace(".", "").replace("@", "").replace("-", ""))[:17].ljust(17, "X")
        user_ids[u["name"]] = uid
        managed = u.get("managed", [])
        details_users.append({
            "Path": u.get("path", "/"),
            "UserName": u["name"],
            "UserId": uid,
            "Arn": f"arn:aws:iam::{account}:user{u.get('path', '/')}{u['name']}",
            "CreateDate": cli_time(ago(u.get("created", 300 + 7 * i))),
            "UserPolicyList": [{"PolicyName": n, "PolicyDocument": encode(d, url_encoded)}
                               for n, d in u.get("inline", {}).items()],
            "GroupList": u.get("groups", []),
            "AttachedManagedPolicies": [{"PolicyName": m, "PolicyArn": policy_arn(account, m)} for m in managed],
            "Tags": [{"Key": k, "Value": v} for k, v in u.get("tags", {}).items()],
        })
    used_groups = sorted({g for u in users for g in u.get("groups", [])})
    groups = [{
        "Path": "/", "GroupName": g, "GroupId": "AGPA" + (account[:4] + g.upper()).ljust(17, "Q")[:17],
        "Arn": f"arn:aws:iam::{account}:group/{g}", "CreateDate": cli_time(ago(900)),
        "GroupPolicyList": [],
        "AttachedManagedPolicies": [{"PolicyName": m, "PolicyArn": policy_arn(account, m)} for m in GROUPS[g]],
    } for g in used_groups]
    names = sorted({m for g in used_groups for m in GROUPS[g]} | {m for u in users for m in u.get("managed", [])})
    policies = []
    for n in names:
        document = AWS_MANAGED.get(n) or CUSTOMER[n]
        policies.append({
            "PolicyName": n, "PolicyId": "ANPA" + n.upper()[:17].ljust(17, "Z"),
            "Arn": policy_arn(account, n), "Path": "/", "DefaultVersionId": "v3",
            "AttachmentCount": 1, "PermissionsBoundaryUsageCount": 0, "IsAttachable": True,
            "CreateDate": cli_time(ago(1000)), "UpdateDate": cli_time(ago(200)),
            "PolicyVersionList": [
                {"Document": encode(document, url_encoded), "VersionId": "v3", "IsDefaultVersion": True,
                 "CreateDate": cli_time(ago(200))},
                {"Document": encode(doc([{"Effect": "Allow", "Action": "*", "Resource": "*"}]), url_encoded),
                 "VersionId": "v2", "IsDefaultVersion": False, "CreateDate": cli_time(ago(500))},
            ],
        })
    write_json(base / "get-account-authorization-details.json", {
        "UserDetailList": details_users, "GroupDetailList": groups, "RoleDetailList": [], "Policies": policies})

    def b(value):
        text = "true" if value else "false"
        return text.upper() if upper_booleans else text

    header = ["user", "arn", "user_creation_time", "password_enabled", "password_last_used",
              "password_last_changed", "password_next_rotation", "mfa_active",
              "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
              "access_key_1_last_used_region", "access_key_1_last_used_service",
              "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
              "access_key_2_last_used_region", "access_key_2_last_used_service",
              "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)

    def key_cells(keys, slot):
        if slot >= len(keys):
            return [b(False), "N/A", "N/A", "N/A", "N/A"]
        active, rotated, used, service = keys[slot]
        if used is None:
            return [b(active), aws_time(ago(rotated)), "N/A", "N/A", "N/A"]
        return [b(active), aws_time(ago(rotated)), aws_time(ago(used, 2)), "us-east-1", service]

    r_used, r_keys, r_mfa = root
    writer.writerow(["<root_account>", f"arn:aws:iam::{account}:root", aws_time(ago(2000)), "not_supported",
                     aws_time(ago(r_used, 5)) if r_used is not None else "no_information",
                     "not_supported", "not_supported", b(r_mfa)]
                    + key_cells(r_keys, 0) + key_cells(r_keys, 1) + [b(False), "N/A", b(False), "N/A"])
    for i, u in enumerate(users):
        pw = u.get("password")
        keys = u.get("keys", [])
        if pw is None:
            pw_cells = [b(False), "N/A", "N/A", "N/A"]
        else:
            used, changed = pw
            pw_cells = [b(True), aws_time(ago(used, 4)) if used is not None else "no_information",
                        aws_time(ago(changed)), "N/A"]
        writer.writerow([u["name"], f"arn:aws:iam::{account}:user{u.get('path', '/')}{u['name']}",
                         aws_time(ago(u.get("created", 300 + 7 * i)))] + pw_cells + [b(u.get("mfa") is not None)]
                        + key_cells(keys, 0) + key_cells(keys, 1) + [b(False), "N/A", b(False), "N/A"])
    (base / "credential-report.csv").write_text(out.getvalue())

    virtual = []
    if r_mfa:
        virtual.append({"SerialNumber": f"arn:aws:iam::{account}:mfa/root-account-mfa-device",
                        "User": {"UserId": account, "Arn": f"arn:aws:iam::{account}:root",
                                 "CreateDate": cli_time(ago(2000))},
                        "EnableDate": cli_time(ago(700))})
    for i, u in enumerate(users):
        if u.get("mfa") == "virtual":
            virtual.append({"SerialNumber": f"arn:aws:iam::{account}:mfa/{u['name'].split('@')[0]}",
                            "User": {"Path": "/", "UserName": u["name"], "UserId": user_ids[u["name"]],
                                     "Arn": f"arn:aws:iam::{account}:user/{u['name']}",
                                     "CreateDate": cli_time(ago(300 + 7 * i))},
                            "EnableDate": cli_time(ago(250))})
        elif u.get("mfa") in ("fido", "hardware"):
            serial = (f"arn:aws:iam::{account}:u2f/user/{u['name']}/fido-key-1-ABCDEFGHIJKLMNOPQRSTUVWX"
                      if u["mfa"] == "fido" else "GAHT12345678")
            write_json(base / "list-mfa-devices" / f"{u['name']}.json", {"MFADevices": [
                {"UserName": u["name"], "SerialNumber": serial, "EnableDate": cli_time(ago(240))}]})
    # An unassigned virtual device: listed with no User, as the CLI prints it.
    virtual.append({"SerialNumber": f"arn:aws:iam::{account}:mfa/spare-device"})
    write_json(base / "list-virtual-mfa-devices.json", {"VirtualMFADevices": virtual, "IsTruncated": False})
    write_json(base / "rollcall-snapshot.json", {"capturedAt": atlas_time(CAPTURED)})


def write_aws_all():
    write_aws(PROD, PROD_USERS, root=(40, [], True), url_encoded=False, upper_booleans=False)
    write_json(ROOT / "aws" / PROD / "get-account-password-policy.json", {"PasswordPolicy": {
        "MinimumPasswordLength": 14, "RequireSymbols": True, "RequireNumbers": True,
        "RequireUppercaseCharacters": True, "RequireLowercaseCharacters": True,
        "AllowUsersToChangePassword": True, "ExpirePasswords": True, "MaxPasswordAge": 90,
        "PasswordReusePrevention": 24, "HardExpiry": False}})
    write_aws(STAGING, STAGING_USERS, root=(15, [], False), url_encoded=True, upper_booleans=True)


# ---------------------------------------------------------------- Atlas
def oid(n):
    return f"65a1b2c3d4e5f6a7b8c9{n:04x}"


ORG_USERS = [
    # (username, first, last, status, last auth days or None, org roles, {group: roles})
    (email("Olivia", "Grant"), "Olivia", "Grant", "ACTIVE", 2, ["ORG_OWNER"], {}),
    (email("David", "Kim"), "David", "Kim", "ACTIVE", 1, ["ORG_MEMBER"], {CLINICAL: ["GROUP_OWNER"]}),
    (email("Grace", "Lin"), "Grace", "Lin", "ACTIVE", 3, ["ORG_MEMBER"], {CLINICAL: ["GROUP_READ_ONLY"]}),
    (email("Rita", "Moreno"), "Rita", "Moreno", "ACTIVE", 50, ["ORG_MEMBER"],
     {ANALYTICS: ["GROUP_DATA_ACCESS_READ_WRITE"]}),  # leaver
    (email("Hannah", "Wu"), "Hannah", "Wu", "ACTIVE", 89, ["ORG_MEMBER"], {ANALYTICS: ["GROUP_READ_ONLY"]}),
    (email("Marcus", "Lee"), "Marcus", "Lee", "ACTIVE", 95, ["ORG_MEMBER"], {ANALYTICS: ["GROUP_READ_ONLY"]}),
    (email("Priya", "Shah"), "Priya", "Shah", "ACTIVE", 1, ["ORG_MEMBER"],
     {ANALYTICS: ["GROUP_DATA_ACCESS_ADMIN"]}),
    (email("Sofia", "Rossi"), "Sofia", "Rossi", "ACTIVE", 4, ["ORG_MEMBER"],
     {ANALYTICS: ["GROUP_DATA_ACCESS_READ_WRITE"]}),
    (email("Omar", "Haddad"), "Omar", "Haddad", "ACTIVE", 1, ["ORG_MEMBER"],
     {CLINICAL: ["GROUP_DATA_ACCESS_READ_WRITE", "GROUP_CLUSTER_MANAGER"]}),
    (email("Vera", "Sokolova"), "Vera", "Sokolova", "ACTIVE", 6, ["ORG_READ_ONLY"], {}),
    ("new.contractor@partner.example", "Nia", "Contractor", "PENDING", None, ["ORG_MEMBER"],
     {CLINICAL: ["GROUP_READ_ONLY"]}),  # invited outsider: nobody's
]


def write_atlas():
    base = ROOT / "atlas" / ORG
    write_json(base / "organization.json", {"id": ORG, "name": "Meridian Health", "isDeleted": False,
                                            "skipDefaultAlertsSettings": False, "links": []})
    write_json(base / "settings.json", {"apiAccessListRequired": True, "multiFactorAuthRequired": False,
                                        "restrictEmployeeAccess": True, "genAIFeaturesEnabled": False,
                                        "securityContact": f"security@{DOMAIN}"})
    results = []
    for i, (username, first, last, status, auth, org_roles, groups) in enumerate(ORG_USERS):
        user = {"id": oid(i + 1), "username": username, "firstName": first, "lastName": last,
                "orgMembershipStatus": status,
                "roles": {"orgRoles": org_roles,
                          "groupRoleAssignments": [{"groupId": g, "groupRoles": r} for g, r in groups.items()]},
                "teamIds": []}
        if status == "ACTIVE":
            user["createdAt"] = atlas_time(ago(500 - 10 * i))
            user["country"] = "US"
            if auth is not None:
                user["lastAuth"] = atlas_time(ago(auth, 1))
        else:
            user["invitationCreatedAt"] = atlas_time(ago(20))
            user["invitationExpiresAt"] = atlas_time(ago(-10))
            user["inviterUsername"] = email("Olivia", "Grant")
        results.append(user)
    link = lambda page: [{"href": f"https://cloud.mongodb.com/api/atlas/v2/orgs/{ORG}/users?pageNum={page}&itemsPerPage=6",
                          "rel": "self"}]
    write_json(base / "users" / "page-1.json", {"links": link(1), "results": results[:6], "totalCount": len(results)})
    write_json(base / "users" / "page-2.json", {"links": link(2), "results": results[6:], "totalCount": len(results)})
    write_json(base / "groups.json", {"links": [], "totalCount": 2, "results": [
        {"id": CLINICAL, "name": "prod-clinical", "orgId": ORG, "clusterCount": 2, "created": atlas_time(ago(800))},
        {"id": ANALYTICS, "name": "analytics", "orgId": ORG, "clusterCount": 1, "created": atlas_time(ago(600))},
    ]})

    def db_user(group, username, roles, database="admin", labels=None, scopes=None, aws="NONE", x509="NONE",
                oidc="NONE", ldap="NONE", delete_after=None, description=None):
        user = {"username": username, "databaseName": database, "groupId": group,
                "roles": [dict(zip(("roleName", "databaseName", "collectionName"), r)) for r in roles],
                "scopes": [{"name": s, "type": "CLUSTER"} for s in (scopes or [])],
                "labels": [{"key": k, "value": v} for k, v in (labels or {}).items()],
                "awsIAMType": aws, "ldapAuthType": ldap, "x509Type": x509, "oidcAuthType": oidc,
                "links": []}
        if delete_after is not None:
            user["deleteAfterDate"] = atlas_time(delete_after)
        if description:
            user["description"] = description
        return user

    clinical = [
        db_user(CLINICAL, "app-orders", [("readWrite", "orders")], scopes=["prod-0"],
                labels={"owner": email("Omar", "Haddad"), "kind": "service"}, description="orders service"),
        db_user(CLINICAL, "dba", [("atlasAdmin", "admin")], labels={"owner": email("David", "Kim")}),
        db_user(CLINICAL, "legacy-reporting", [("readAnyDatabase", "admin")]),
        db_user(CLINICAL, f"arn:aws:iam::{PROD}:role/clinical-api", [("readWrite", "clinical")],
                database="$external", aws="ROLE", labels={"owner": email("Omar", "Haddad")}),
        db_user(CLINICAL, "temp-migration", [("readWrite", "orders")], labels={"owner": email("Grace", "Lin")},
                delete_after=ago(-10), description="one-off schema migration"),
    ]
    analytics = [
        db_user(ANALYTICS, email("Sam", "Owusu"), [("read", "analytics")]),
        db_user(ANALYTICS, "shared-analytics", [("read", "analytics")],
                labels={"owner": f"{email('Priya', 'Shah')}, {email('Marcus', 'Lee')}"}),
        db_user(ANALYTICS, "etl-sync", [("readWriteAnyDatabase", "admin")], x509="MANAGED",
                database="$external", labels={"owner": email("Sofia", "Rossi")}),
        db_user(ANALYTICS, email("Chloe", "Martin"), [("read", "analytics")], database="$external", oidc="USER"),
    ]
    for group, users in ((CLINICAL, clinical), (ANALYTICS, analytics)):
        write_json(base / "groups" / group / "databaseUsers.json",
                   {"links": [], "results": users, "totalCount": len(users)})
    write_json(base / "rollcall-snapshot.json", {"capturedAt": atlas_time(CAPTURED)})


if __name__ == "__main__":
    write_google()
    write_aws_all()
    write_atlas()
    print(f"wrote the demo snapshot under {ROOT}")
