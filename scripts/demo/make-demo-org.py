#!/usr/bin/env python3
"""Writes the bundled demo organisation, Meridian Health, as a rollcall snapshot.

Every person, account, planted problem and near miss is listed explicitly below. The output is
deterministic: no clock, and the only randomness is a fixed-seed generator for opaque vendor ids
and etags. Run it from anywhere (Python 3 standard library only):

    python3 scripts/demo/make-demo-org.py
    python3 scripts/demo/check-demo-org.py     # re-derives the findings from the written files

and commit what changed under examples/demo/. It rewrites examples/demo/snapshot/ from scratch,
plus mapping.csv, rollcall.yaml, expected-findings.csv and PLANTED.md beside it.

Every time is an offset before CAPTURED, the moment the snapshot was taken; only dates that lie
in the future by nature (an Atlas deleteAfterDate, an invitation's expiry, AWS
password_next_rotation) come after it.
"""
import csv
import hashlib
import io
import textwrap
import json
import random
import shutil
import urllib.parse
from datetime import datetime, timedelta, timezone
from pathlib import Path

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"
ROOT = DEMO / "snapshot"
CAPTURED = datetime(2026, 11, 20, 6, 0, 0, tzinfo=timezone.utc)
DOMAIN = "meridianhealth.example"
CARE = "meridian-care.example"
CUSTOMER_ID = "C03az79cb"
PROD, STAGING = "111122223333", "444455556666"
ORG = "5f1a2b3c4d5e6f7a8b9c0d1e"
CLINICAL, ANALYTICS = "6a1b2c3d4e5f6a7b8c9d0e1f", "6b2c3d4e5f6a7b8c9d0e1f2a"
TENANT_LABEL = {PROD: "production", STAGING: "staging", ORG: "Meridian Health",
                CLINICAL: "prod-clinical", ANALYTICS: "analytics"}

RNG = random.Random(20261120)  # opaque ids and etags only; no fact depends on it
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
URLSAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def token(alphabet, n):
    return "".join(RNG.choice(alphabet) for _ in range(n))


def hex_id(born):
    """An ObjectId-shaped id: its first 4 bytes are the creation time, as MongoDB makes them."""
    return f"{int(born.timestamp()):08x}" + "".join(RNG.choice("0123456789abcdef") for _ in range(16))


def ago(days, hours=0, minutes=0):
    return CAPTURED - timedelta(days=days, hours=hours, minutes=minutes)


def when(spec):
    """A time before capture: days, or (days, hours) or (days, hours, minutes). A bare number of
    days gets an hour and minute derived from it (under a day, so whole days stay the same)."""
    if isinstance(spec, tuple):
        return ago(*spec)
    return ago(spec, 1 + (spec * 7) % 17, (spec * 13 + 7) % 60)


def g_time(t):  # Directory API: 2026-11-19T09:12:00.000Z
    return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def aws_time(t):  # AWS CLI JSON and the credential report: 2026-11-19T09:12:00+00:00
    return t.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def atlas_time(t):  # Atlas Admin API: 2026-11-19T09:12:00Z
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_json(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def email(given, family, domain=DOMAIN):
    return f"{given.lower()}.{family.lower()}@{domain}"


def manifest(tenant_dir):
    write_json(tenant_dir / "rollcall-snapshot.json", {"capturedAt": atlas_time(CAPTURED)})


# =============================================================== people (Google Workspace)
# One entry per directory user. login: days before capture (or (days, hours)), None = never
# signed in. created: days before capture. tsv: isEnrolledIn2Sv. Enforcement follows the org
# unit: 2-Step Verification is enforced everywhere but /Support, where the roll-out is late.
def person(given, family, ou, title, manager, login, created, tsv=True, **extra):
    return dict(given=given, family=family, ou=ou, title=title, manager=manager, login=login,
                created=created, tsv=tsv, **extra)


TARA, OLIVIA, UMAR, DIANA = "Tara Walsh", "Olivia Grant", "Umar Farouk", "Diana Petrova"
DAVID, MARCUS, AISHA, KARL, OSCAR, ROSA = ("David Kim", "Marcus Lee", "Aisha Bello", "Karl Jensen",
                                           "Oscar Lund", "Rosa Ibarra")

PEOPLE = [
    # /Executives
    person("Tara", "Walsh", "/Executives", "Chief Executive Officer", None, 1, 1900,
           aliases=[f"tara@{DOMAIN}", f"ceo@{DOMAIN}"]),
    person("Olivia", "Grant", "/Executives", "Chief Technology Officer", TARA, 1, 1880,
           aliases=[f"ogrant@{DOMAIN}"], super_admin=True),
    person("Umar", "Farouk", "/Executives", "Chief Financial Officer", TARA, 4, 1500),
    person("Diana", "Petrova", "/Executives", "Chief Medical Officer", TARA, 1, 1400,
           aliases=[f"diana.petrova@{CARE}"]),
    # /Engineering
    person("David", "Kim", "/Engineering", "Head of Engineering", OLIVIA, 1, 1700,
           aliases=[f"dkim@{DOMAIN}"]),
    person("Priya", "Shah", "/Engineering", "Security Lead", OLIVIA, 1, 1200),
    person("Grace", "Lin", "/Engineering", "QA Engineer", DAVID, 1, 900),
    person("Ben", "Carter", "/Engineering", "Site Reliability Engineer", DAVID, 2, 880),
    person("Chloe", "Martin", "/Engineering", "QA Engineer", DAVID, 1, 700),
    person("Omar", "Haddad", "/Engineering", "Platform Engineer", DAVID, 1, 860),
    person("Kevin", "Otto", "/Engineering", "Software Engineer", DAVID, 5, 820),
    person("Lisa", "Park", "/Engineering", "Software Engineer", DAVID, 2, 640),
    person("Rachel", "Green", "/Engineering", "Cloud Engineer", DAVID, 1, 610),
    person("Dan", "Wright", "/Engineering", "Staff Engineer", DAVID, 6, 1300),
    person("Emma", "Stone", "/Engineering", "Software Engineer", DAVID, 1, 560),
    person("Felix", "Braun", "/Engineering", "Software Engineer", DAVID, 2, 530),
    # Two aliases; her IAM user "jd" is tied to her through jd@.
    person("Julia", "Diaz", "/Engineering", "Software Engineer", DAVID, 1, 500,
           aliases=[f"jd@{DOMAIN}", f"julia.diaz@{CARE}"]),
    person("Yusuf", "Demir", "/Engineering", "Software Engineer", DAVID, 1, 32),
    person("Zara", "Hughes", "/Engineering", "Software Engineer", DAVID, 2, 470),
    person("Aaron", "Fox", "/Engineering", "Engineering Manager", DAVID, 7, 1100),
    person("Tom", "Baker", "/Engineering", "Software Engineer", DAVID, (22, 5), 760,
           suspended=True),  # left; his IAM user is still there
    person("Lena", "Fischer", "/Engineering", "Software Engineer", DAVID, (61, 3), 720,
           suspended=True),  # left; everything else removed in time
    # /Data
    person("Marcus", "Lee", "/Data", "Head of Data", OLIVIA, 2, 1250),
    person("Sofia", "Rossi", "/Data", "Data Engineer", MARCUS, 4, 980),
    person("Vera", "Sokolova", "/Data", "Data Analyst", MARCUS, 1, 430),
    person("Will", "Turner", "/Data", "BI Developer", MARCUS, 2, 410),
    person("Xenia", "Pappas", "/Data", "Data Scientist", MARCUS, 3, 390),
    person("Rita", "Moreno", "/Data", "Data Engineer", MARCUS, (45, 2), 940,
           archived=True),  # left; still an Atlas organisation member
    person("Sam", "Owusu", "/Data", "Data Analyst", MARCUS, (20, 6), 600,
           suspended=True),  # left; his database user lives on
    # /Clinical Ops
    person("Aisha", "Bello", "/Clinical Ops", "Director of Clinical Operations", DIANA, 1, 1150,
           aliases=[f"aisha.bello@{CARE}"]),
    # A real person whose given name is Admin.
    person("Admin", "Smith", "/Clinical Ops", "Clinical Data Coordinator", AISHA, 3, 800,
           aliases=[f"admin.smith@{CARE}"]),
    person("Paul", "Ng", "/Clinical Ops", "Clinical Research Associate", AISHA, None, 150,
           tsv=False),  # never signed in
    person("Zoe", "Adams", "/Clinical Ops", "Care Coordinator", AISHA, None, 10,
           tsv=False),  # new hire, not signed in yet
    person("Carlos", "Mendes", "/Clinical Ops", "Care Coordinator", AISHA, 2, 760),
    person("Ethan", "Brooks", "/Clinical Ops", "Clinical Pharmacist", AISHA, 3, 690),
    person("Fatima", "Rahman", "/Clinical Ops", "Nurse Lead", AISHA, 1, 660,
           aliases=[f"fatima.rahman@{CARE}"]),
    person("George", "Ito", "/Clinical Ops", "Care Coordinator", AISHA, 4, 620),
    person("Helen", "Novak", "/Clinical Ops", "Clinical Quality Manager", AISHA, 2, 580),
    person("Isaac", "Levi", "/Clinical Ops", "Medical Director", DIANA, 1, 1020),
    person("Jasmine", "Ortiz", "/Clinical Ops", "Care Coordinator", AISHA, 6, 350),
    person("Bianca", "Russo", "/Clinical Ops", "Nurse", AISHA, 1, 300),
    person("Daria", "Volkova", "/Clinical Ops", "Nurse", AISHA, 8, 260),
    # /Support (2SV not enforced yet)
    person("Karl", "Jensen", "/Support", "Support Lead", OLIVIA, 1, 1000),
    person("Ian", "Cole", "/Support", "Help Desk Technician", KARL, 2, 720),
    person("Laura", "Becker", "/Support", "Support Specialist", KARL, 2, 540),
    person("Mateo", "Silva", "/Support", "Support Specialist", KARL, 1, 480),
    person("Nadia", "Karim", "/Support", "Support Specialist", KARL, 5, 330),
    person("Caleb", "Moss", "/Support", "Support Specialist", KARL, 2, 210),
    person("Mark", "Evans", "/Support", "Support Engineer", KARL, 3, 450, tsv=False),
    # /Finance
    person("Oscar", "Lund", "/Finance", "Finance Manager", UMAR, 3, 1300),
    person("Paula", "Costa", "/Finance", "Accountant", OSCAR, 1, 800),
    person("Quentin", "Blake", "/Finance", "Payroll Specialist", OSCAR, 12, 700),
    person("Victor", "Hale", "/Finance", "Financial Analyst", OSCAR, (91, 3), 900),
    person("Nora", "Quinn", "/Finance", "Accounts Payable", OSCAR, (89, 3), 610),
    person("Elias", "Berg", "/Finance", "Controller", UMAR, 1, 1010),
    # /People
    person("Rosa", "Ibarra", "/People", "Head of People", TARA, 2, 1600),
    person("Hannah", "Wu", "/People", "People Operations Partner", ROSA, 1, 760),
    person("Stefan", "Horvat", "/People", "Recruiter", ROSA, 1, 400),
]

# Role mailboxes: signed-in accounts with a role name instead of a person's. Their display names
# share no word with their addresses, so that no reading of the generic-name rule can excuse them.
MAILBOXES = [
    dict(local="admin", given="Meridian", family="IT", ou="/", title=None, manager=None,
         login=20, created=1890, tsv=True, super_admin=True,
         aliases=[f"postmaster@{DOMAIN}"]),
    dict(local="it-support", given="Meridian", family="Helpdesk", ou="/Support", title=None,
         manager=None, login=5, created=1100, tsv=False,
         aliases=[f"helpdesk@{DOMAIN}", f"support@{CARE}"]),
]

ENFORCED_OUS = {"/", "/Executives", "/Engineering", "/Data", "/Clinical Ops", "/Finance", "/People"}
SUPPORT_OU_ID = "id:03ph8a2z1vx4kqe"  # orgUnitId of /Support, for an org-unit role assignment


def full(name):
    given, family = name.split(" ")
    return email(given, family)


def etag():
    return '"' + token(URLSAFE, 43) + "/" + token(URLSAFE, 27) + '"'


def google_users():
    rows = []
    for p in PEOPLE:
        rows.append(dict(p, address=email(p["given"], p["family"])))
    for m in MAILBOXES:
        rows.append(dict(m, address=f"{m['local']}@{DOMAIN}"))
    users = []
    for p in rows:
        uid = str(RNG.randrange(100_000_000_000_000_000_000, 118_000_000_000_000_000_000))
        address = p["address"]
        never = p["login"] is None
        aliases = p.get("aliases", [])
        test_alias = address.replace("@" + DOMAIN, "@" + DOMAIN + ".test-google-a.com")
        user = {
            "kind": "admin#directory#user",
            "id": uid,
            "etag": etag(),
            "primaryEmail": address,
            "name": {"givenName": p["given"], "familyName": p["family"],
                     "fullName": f"{p['given']} {p['family']}"},
            "isAdmin": bool(p.get("super_admin")),
            "isDelegatedAdmin": False,
            "lastLoginTime": "1970-01-01T00:00:00.000Z" if never else g_time(when(p["login"])),
            "creationTime": g_time(ago(p["created"], 3, 41)),
            "agreedToTerms": not never,
            "suspended": bool(p.get("suspended")),
            "archived": bool(p.get("archived")),
            "changePasswordAtNextLogin": never,
            "ipWhitelisted": False,
            "emails": [{"address": address, "primary": True}]
            + [{"address": a} for a in aliases] + [{"address": test_alias}],
            "customerId": CUSTOMER_ID,
            "orgUnitPath": p["ou"],
            "isMailboxSetup": True,
            "isEnrolledIn2Sv": p["tsv"],
            "isEnforcedIn2Sv": p["ou"] in ENFORCED_OUS,
            "includeInGlobalAddressList": True,
        }
        if p.get("suspended"):
            user["suspensionReason"] = "ADMIN"
        if aliases:
            user["aliases"] = aliases
        user["nonEditableAliases"] = [test_alias]
        if p["manager"]:
            user["relations"] = [{"value": full(p["manager"]), "type": "manager"}]
        if p["title"]:
            user["organizations"] = [{"title": p["title"], "primary": True, "customType": "",
                                      "department": p["ou"].strip("/")}]
        users.append(user)
    return users


ROLE_SUPER, ROLE_USERS, ROLE_HELPDESK, ROLE_GROUPS = (
    "9170516996784129", "9170516996784130", "9170516996784131", "9170516996784132")
DIRECTORY_SERVICE = "00haapch16h1ysv"


def write_google():
    base = ROOT / "google" / DOMAIN
    users = google_users()
    by_email = {u["primaryEmail"]: u for u in users}
    delegated = {full("Hannah Wu"), full("Ian Cole"), full("Karl Jensen"), full("Stefan Horvat")}
    for u in users:
        u["isDelegatedAdmin"] = u["primaryEmail"] in delegated
    half = 32
    write_json(base / "users" / "page-1.json", {
        "kind": "admin#directory#users", "etag": etag(), "users": users[:half],
        "nextPageToken": "Q0FFU0ZRQ2JqQ3NOVzJsMFlTNXdZWEpyUUcxbGNtbGthV0Z1YUdWaGJIUm9MbVY0WVcxd2JHVQ"})
    write_json(base / "users" / "page-2.json", {
        "kind": "admin#directory#users", "etag": etag(), "users": users[half:]})

    def privileges(*names):
        return [{"privilegeName": n, "serviceId": DIRECTORY_SERVICE} for n in names]

    roles = [
        {"kind": "admin#directory#role", "etag": etag(), "roleId": ROLE_SUPER,
         "roleName": "_SEED_ADMIN_ROLE", "roleDescription": "Super Admin",
         "isSystemRole": True, "isSuperAdminRole": True,
         "rolePrivileges": privileges("SUPER_ADMIN", "USERS_ALL", "GROUPS_ALL",
                                      "ORGANIZATION_UNITS_ALL", "SECURITY_SETTINGS")},
        {"kind": "admin#directory#role", "etag": etag(), "roleId": ROLE_USERS,
         "roleName": "User Management Admin",
         "roleDescription": "Creates, updates and resets the passwords of users",
         "isSystemRole": False, "isSuperAdminRole": False,
         "rolePrivileges": privileges("USERS_ALL")},
        {"kind": "admin#directory#role", "etag": etag(), "roleId": ROLE_HELPDESK,
         "roleName": "Help Desk Admin",
         "roleDescription": "Looks up users, groups and org units for support tickets",
         "isSystemRole": False, "isSuperAdminRole": False,
         "rolePrivileges": privileges("USERS_RETRIEVE", "GROUPS_RETRIEVE",
                                      "ORGANIZATION_UNITS_RETRIEVE")},
        {"kind": "admin#directory#role", "etag": etag(), "roleId": ROLE_GROUPS,
         "roleName": "Groups Reader", "roleDescription": "Reads groups and their members",
         "isSystemRole": False, "isSuperAdminRole": False,
         "rolePrivileges": privileges("GROUPS_RETRIEVE")},
    ]
    write_json(base / "roles.json", {"kind": "admin#directory#roles", "etag": etag(), "items": roles})

    def assignment(n, role, who, org_unit=None):
        item = {"kind": "admin#directory#roleAssignment", "etag": etag(),
                "roleAssignmentId": str(9170516996784200 + n), "roleId": role,
                "assignedTo": by_email[who]["id"], "assigneeType": "user",
                "scopeType": "ORG_UNIT" if org_unit else "CUSTOMER"}
        if org_unit:
            item["orgUnitId"] = org_unit
        return item

    write_json(base / "roleAssignments.json", {
        "kind": "admin#directory#roleAssignments", "etag": etag(), "items": [
            assignment(1, ROLE_SUPER, full("Olivia Grant")),
            assignment(2, ROLE_SUPER, f"admin@{DOMAIN}"),
            assignment(3, ROLE_USERS, full("Hannah Wu")),
            assignment(4, ROLE_HELPDESK, full("Ian Cole")),
            assignment(5, ROLE_HELPDESK, full("Karl Jensen"), org_unit=SUPPORT_OU_ID),
            assignment(6, ROLE_GROUPS, full("Stefan Horvat")),
        ]})

    # The login audit (Reports API activities.list, applicationName=login): the helpdesk mailbox
    # signed in from two places four minutes apart, as a shared password does; the CTO signed in
    # from home and from the office hours apart, with her security key.
    def login(number, email, ip, at, methods):
        return {"kind": "admin#reports#activity",
                "id": {"time": g_time(at), "uniqueQualifier": str(-7000 - number),
                       "applicationName": "login", "customerId": CUSTOMER_ID},
                "actor": {"email": email}, "ipAddress": ip,
                "events": [{"type": "login", "name": "login_success", "parameters": [
                    {"name": "login_type", "value": "google_password"},
                    {"name": "login_challenge_method", "multiValue": methods}]}]}

    write_json(base / "loginActivities" / "page-1.json", {
        "kind": "admin#reports#activities", "etag": etag(), "items": [
            login(1, full("Olivia Grant"), "198.51.100.23", ago(1, 3), ["password", "security_key"]),
            login(2, full("Olivia Grant"), "203.0.113.80", ago(1, 9), ["password", "security_key"]),
            login(3, f"it-support@{DOMAIN}", "192.0.2.14", when(5), ["password"]),
            login(4, f"it-support@{DOMAIN}", "198.51.100.77", when(5) + timedelta(minutes=4),
                  ["password"]),
        ]})
    manifest(base)
    return users


# =============================================================== AWS IAM
def doc(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


def allow(actions, resources="*", **extra):
    return dict({"Effect": "Allow", "Action": actions, "Resource": resources}, **extra)


# AWS managed policies: (policy id, path, default version, document). Documents are trimmed to
# the statements that decide their level.
AWS_MANAGED = {
    "AdministratorAccess": ("v1", doc(allow("*"))),
    "PowerUserAccess": ("v5", doc(
        {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*"},
        allow(["account:GetAccountInformation", "account:GetPrimaryEmail", "account:ListRegions",
               "iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles",
               "organizations:DescribeOrganization"]))),
    "ReadOnlyAccess": ("v112", doc(allow(
        ["cloudwatch:Describe*", "cloudwatch:Get*", "cloudwatch:List*", "ec2:Describe*",
         "ec2:Get*", "ecr:BatchGetImage", "ecr:Describe*", "ecr:List*", "ecs:Describe*",
         "ecs:List*", "glue:Get*", "iam:Get*", "iam:List*", "logs:Describe*", "logs:Get*",
         "rds:Describe*", "s3:Get*", "s3:List*"]))),
    "SecurityAudit": ("v45", doc(allow(
        ["access-analyzer:List*", "cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus",
         "config:Describe*", "iam:GenerateCredentialReport", "iam:Get*", "iam:List*",
         "iam:SimulateCustomPolicy", "kms:Describe*", "s3:GetBucketPolicy",
         "s3:GetEncryptionConfiguration"]))),
}
# Customer managed policies: a list of versions, newest (the default) first.
CUSTOMER = {
    "DataLakeWriter": [doc(allow(["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
                                 ["arn:aws:s3:::meridian-lake", "arn:aws:s3:::meridian-lake/*"]),
                           allow(["glue:StartJobRun", "glue:GetJobRun"], "arn:aws:glue:*:*:job/*"))],
    # The first version was "*" on "*" while the pipeline was built; v2 is the default.
    "DeployPipeline": [doc(allow(["ecr:BatchCheckLayerAvailability", "ecr:PutImage",
                                  "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                                  "ecr:CompleteLayerUpload", "ecr:GetAuthorizationToken",
                                  "ecs:UpdateService", "ecs:DescribeServices",
                                  "ecs:RegisterTaskDefinition", "s3:PutObject", "s3:GetObject"])),
                       doc(allow("*"))],
    # Lets its holder mint keys for anybody and attach any policy to any user: escalation.
    "IamKeyManager": [doc(allow(["iam:CreateAccessKey", "iam:AttachUserPolicy", "iam:ListUsers",
                                 "iam:ListAccessKeys"]))],
    "BackupOperator": [doc(allow(["backup:StartBackupJob", "backup:DescribeBackupJob",
                                  "s3:PutObject", "s3:GetObject"],
                                 ["arn:aws:s3:::meridian-backups/*", "*"]))],
    "LoadTestRunner": [doc(allow(["ec2:RunInstances", "ec2:TerminateInstances",
                                  "ec2:DescribeInstances", "cloudwatch:PutMetricData"]))],
}
GROUPS = {
    "Admins": ["AdministratorAccess"],
    "Developers": ["PowerUserAccess", "DataLakeWriter"],
    "ReadOnly": ["ReadOnlyAccess"],
    "Auditors": ["SecurityAudit"],
}
# An inline group policy: Deny statements narrow, they never make a grant bigger.
GROUP_INLINE = {
    "Developers": {"deny-prod-data-delete": doc(
        {"Effect": "Deny", "Action": ["s3:DeleteObject", "s3:DeleteBucket", "rds:DeleteDBInstance"],
         "Resource": "*"})},
}


def policy_arn(account, name):
    return f"arn:aws:iam::aws:policy/{name}" if name in AWS_MANAGED else \
        f"arn:aws:iam::{account}:policy/{name}"


def encode(document, url_encoded):
    return urllib.parse.quote(json.dumps(document, separators=(",", ":")), safe="") \
        if url_encoded else document


def iam_user(name, created, groups=(), managed=(), inline=None, tags=None, path="/",
             password=None, mfa=None, keys=()):
    """One IAM user.

    password: None (no console password) or (last used, last changed) where last used is a
      day spec (see when()) or "never"; mfa: None, "virtual", "fido", "hardware" or
      "virtual+fido"; keys: (active, rotated days, last used day spec or None, service).
    """
    return dict(name=name, created=created, groups=list(groups), managed=list(managed),
                inline=inline or {}, tags=tags or {}, path=path, password=password, mfa=mfa,
                keys=list(keys))


def n(given, family):
    return f"{given.lower()}.{family.lower()}"


PROD_USERS = [
    iam_user(n("Olivia", "Grant"), 1700, ["Admins"], password=(1, 80), mfa="virtual+fido",
             tags={"team": "executive"}),
    iam_user(n("David", "Kim"), 1650, ["Developers"], password=(1, 70), mfa="virtual"),
    iam_user(f"priya.shah@{DOMAIN}", 1150, ["Auditors"], password=(2, 60), mfa="virtual"),
    iam_user(n("Grace", "Lin"), 880, ["Developers"], password=(1, 50), mfa="virtual"),
    iam_user(n("Ben", "Carter"), 870, ["Developers"], password=(2, 40), mfa="virtual"),
    iam_user(n("Chloe", "Martin"), 690, ["Developers"], password=(1, 33), mfa="virtual"),
    iam_user(n("Omar", "Haddad"), 850, ["Developers"], password=(1, 31), mfa="virtual",
             keys=[(True, 75, (3, 2), "ecr")]),
    iam_user(n("Sofia", "Rossi"), 960, ["ReadOnly"], password=(4, 30), mfa="virtual"),
    iam_user(n("Admin", "Smith"), 780, ["ReadOnly"], password=(3, 29), mfa="virtual"),
    iam_user(n("Emma", "Stone"), 550, ["Developers"], password=(1, 28), mfa="fido"),
    iam_user(n("Felix", "Braun"), 520, ["Developers"], password=(2, 27), mfa="hardware"),
    iam_user("jd", 490, ["Developers"], password=(1, 26), mfa="virtual"),
    iam_user(n("Kevin", "Otto"), 800, ["ReadOnly"], password=((91, 4), 120), mfa="virtual"),
    iam_user(n("Lisa", "Park"), 630, ["ReadOnly"], password=((89, 4), 120), mfa="virtual"),
    iam_user(n("Aaron", "Fox"), 1090, ["ReadOnly"], password=((90, 0, 0), 150), mfa="virtual"),
    iam_user(n("Xenia", "Pappas"), 380, ["ReadOnly"], password=(120, 200), mfa="virtual",
             keys=[(True, 180, (5, 1), "s3")]),
    iam_user(n("Will", "Turner"), 400, ["ReadOnly"], password=(2, 90), mfa="virtual",
             tags={"expires": "2027-03-31"}),
    iam_user(n("Zara", "Hughes"), 460, ["Developers"], password=(2, 60), mfa="virtual",
             keys=[(True, 20, None, None)]),
    iam_user(n("Rachel", "Green"), 600, ["ReadOnly"], ["IamKeyManager"], password=(1, 20),
             mfa="virtual"),
    iam_user(n("Dan", "Wright"), 1280, ["Developers"], password=(6, 20), mfa="virtual",
             inline={"break-glass-everything": doc(allow("*"))}),
    iam_user(n("Tom", "Baker"), 740, ["Developers"], password=((23, 1), 200), mfa="virtual"),
    iam_user(n("Mark", "Evans"), 440, ["Developers"], password=(3, 90)),
    iam_user("sysadmin1", 1000, ["Admins"], password=(4, 60), mfa="virtual",
             tags={"owner": full("David Kim")}),
    iam_user("test", 700, ["ReadOnly"], password=(200, 400)),
    # A contractor whose contract ended on 31 October: the expiry tag says so, nobody acted on it.
    iam_user("contractor-bob", 95, ["Developers"], password=(3, 50), mfa="virtual",
             tags={"expires": "2026-10-31"}),
    iam_user("ci-deploy", 1200, managed=["DeployPipeline"], path="/service/",
             tags={"kind": "service", "owner": full("Omar Haddad"), "repo": "meridian/platform"},
             keys=[(True, 60, (0, 3), "ecr")]),
    iam_user("etl-loader", 900, managed=["DataLakeWriter"],
             tags={"kind": "service", "owner": f"data-team@{DOMAIN}"},
             keys=[(True, 45, (1, 2), "s3")]),
    iam_user("backup-agent", 1100, managed=["BackupOperator"],
             tags={"kind": "service",
                   "owner": f"{full('Priya Shah')}, {full('Mark Evans')}"},
             keys=[(True, 30, (2, 5), "backup"), (False, 400, 380, "s3")],
             # Someone signs in to the console as the backup agent to restore files by hand.
             password=(3, 30)),
]
STAGING_USERS = [
    iam_user(n("Grace", "Lin"), 700, ["ReadOnly"], password=(5, 50), mfa="virtual"),
    iam_user(n("Ben", "Carter"), 700, ["Developers"], password=(1, 40), mfa="virtual"),
    iam_user(n("David", "Kim"), 900, ["Developers"], password=(3, 70), mfa="virtual"),
    iam_user(n("Omar", "Haddad"), 690, ["Developers"], password=(2, 45), mfa="virtual"),
    iam_user(n("Chloe", "Martin"), 520, ["ReadOnly"], password=(1, 33), mfa="virtual"),
    iam_user(n("Kevin", "Otto"), 650, ["Developers"], password=(5, 40)),
    iam_user("shared-qa", 480, ["Developers"], password=(2, 30), mfa="virtual"),
    iam_user("staging-admin", 600, ["Admins"], password=(8, 30), mfa="virtual",
             tags={"owner": full("Ben Carter")}),
    iam_user("load-tester", 400, managed=["LoadTestRunner"],
             tags={"kind": "service", "owner": full("Chloe Martin")},
             keys=[(True, 200, (120, 6), "ec2")]),
    # New this month: has not signed in yet; IT handed him a hardware token on day one.
    iam_user(n("Yusuf", "Demir"), 30, ["ReadOnly"], password=("never", 30), mfa="hardware"),
    iam_user("ci-deploy", 690, managed=["DeployPipeline"], path="/service/",
             tags={"kind": "service", "owner": full("Omar Haddad")},
             # A rotation started 20 days ago and never finished: both keys still work.
             keys=[(True, 60, (0, 5), "ecs"), (True, 20, (1, 2), "ecs")]),
]
# (last password use day spec or None, mfa active) of the root users.
ROOTS = {PROD: ((40, 5), True), STAGING: ((15, 2), False)}
ACCOUNT_CREATED = {PROD: 2000, STAGING: 1400}
# Staging's report was post-processed by a tool that upper-cased these cells.
UPPER_CELLS = {STAGING: {("<root_account>", "mfa_active"), ("kevin.otto", "password_enabled"),
                         ("kevin.otto", "mfa_active"), ("shared-qa", "mfa_active")}}


def aws_id(prefix):
    return prefix + token(B32, 17)


def role_id(name):
    """A role's RoleId from its name, so that adding a role moves no other generated id."""
    digest = hashlib.sha256(name.encode()).digest()
    return "AROA" + "".join(B32[b % 32] for b in digest[:17])


def admin_role_chain(account, url_encoded):
    """Roles that reach admin: a chain of three from one read-only user, and a role any principal
    of the account may assume (its trust names the account root with no condition)."""
    def role(name, trust, inline, attached, created, used):
        return {
            "Path": "/", "RoleName": name, "RoleId": role_id(name),
            "Arn": f"arn:aws:iam::{account}:role/{name}",
            "CreateDate": aws_time(ago(created, 3)),
            "AssumeRolePolicyDocument": encode(doc(trust), url_encoded),
            "InstanceProfileList": [],
            "RolePolicyList": [{"PolicyName": k, "PolicyDocument": encode(v, url_encoded)}
                               for k, v in inline.items()],
            "AttachedManagedPolicies": [{"PolicyName": m, "PolicyArn": policy_arn(account, m)}
                                        for m in attached],
            "Tags": [],
            "RoleLastUsed": {"LastUsedDate": aws_time(ago(used, 2)), "Region": "us-east-1"}}

    def trusts(principal):
        return {"Effect": "Allow", "Principal": {"AWS": principal}, "Action": "sts:AssumeRole"}

    def may_assume(name):
        return {"next-hop": doc(allow(["sts:AssumeRole"], f"arn:aws:iam::{account}:role/{name}"))}
    return [
        # Sofia Rossi's support login is read-only, but the support role she may assume leads,
        # through an escalation role, to an administrator role.
        role("support-entry", trusts(f"arn:aws:iam::{account}:user/sofia.rossi"),
             may_assume("ops-escalation"), [], 300, 3),
        role("ops-escalation", trusts(f"arn:aws:iam::{account}:role/support-entry"),
             may_assume("platform-admin"), [], 300, 3),
        role("platform-admin", trusts(f"arn:aws:iam::{account}:role/ops-escalation"),
             {}, ["AdministratorAccess"], 300, 3),
        # Any principal of the account whose policies allow sts:AssumeRole may assume it.
        role("legacy-support", trusts(f"arn:aws:iam::{account}:root"), {}, ["ReadOnlyAccess"],
             500, 12),
    ]


def check_user_dates(account, u):
    created = u["created"]
    if u["password"]:
        used, changed = u["password"]
        assert changed <= created, (account, u["name"], "password changed before creation")
        if used != "never":
            assert when(used) >= ago(changed), (account, u["name"], "used before last change")
    for active, rotated, used, _ in u["keys"]:
        assert rotated <= created, (account, u["name"], "key older than user")
        if used is not None:
            assert when(used) >= ago(rotated), (account, u["name"], "key used before created")


def write_aws(account, users, url_encoded, password_policy):
    base = ROOT / "aws" / account
    users = sorted(users, key=lambda u: u["name"])
    ids = {u["name"]: aws_id("AIDA") for u in users}
    for u in users:
        check_user_dates(account, u)

    def arn(u):
        return f"arn:aws:iam::{account}:user{u['path']}{u['name']}"

    attachments = {}
    for u in users:
        for m in u["managed"]:
            attachments[m] = attachments.get(m, 0) + 1
    used_groups = sorted({g for u in users for g in u["groups"]})
    for g in used_groups:
        for m in GROUPS[g]:
            attachments[m] = attachments.get(m, 0) + 1

    details_users = []
    for u in users:
        entry = {"Path": u["path"], "UserName": u["name"], "UserId": ids[u["name"]], "Arn": arn(u),
                 "CreateDate": aws_time(ago(u["created"], 2, 17))}
        if u["inline"]:
            entry["UserPolicyList"] = [{"PolicyName": k, "PolicyDocument": encode(v, url_encoded)}
                                       for k, v in u["inline"].items()]
        entry["GroupList"] = u["groups"]
        entry["AttachedManagedPolicies"] = [{"PolicyName": m, "PolicyArn": policy_arn(account, m)}
                                            for m in u["managed"]]
        if u["tags"]:
            entry["Tags"] = [{"Key": k, "Value": v} for k, v in u["tags"].items()]
        details_users.append(entry)
    groups = []
    for g in used_groups:
        groups.append({
            "Path": "/", "GroupName": g, "GroupId": aws_id("AGPA"),
            "Arn": f"arn:aws:iam::{account}:group/{g}",
            "CreateDate": aws_time(ago(ACCOUNT_CREATED[account] - 3, 1, 2)),
            "GroupPolicyList": [{"PolicyName": k, "PolicyDocument": encode(v, url_encoded)}
                                for k, v in GROUP_INLINE.get(g, {}).items()],
            "AttachedManagedPolicies": [{"PolicyName": m, "PolicyArn": policy_arn(account, m)}
                                        for m in GROUPS[g]]})
    roles = []
    if account == PROD:
        roles.append({
            "Path": "/", "RoleName": "clinical-api", "RoleId": aws_id("AROA"),
            "Arn": f"arn:aws:iam::{account}:role/clinical-api",
            "CreateDate": aws_time(ago(700, 4)),
            "AssumeRolePolicyDocument": encode(doc({
                "Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                "Action": "sts:AssumeRole"}), url_encoded),
            "InstanceProfileList": [],
            "RolePolicyList": [{"PolicyName": "clinical-bucket-read", "PolicyDocument": encode(
                doc(allow(["s3:GetObject"], "arn:aws:s3:::meridian-clinical/*")), url_encoded)}],
            "AttachedManagedPolicies": [],
            "Tags": [{"Key": "owner", "Value": full("Omar Haddad")}],
            "RoleLastUsed": {"LastUsedDate": aws_time(ago(0, 1, 12)), "Region": "us-east-1"}})
        roles += admin_role_chain(account, url_encoded)
        for role in roles:
            for m in role["AttachedManagedPolicies"]:
                attachments[m["PolicyName"]] = attachments.get(m["PolicyName"], 0) + 1
    policies = []
    for name in sorted(attachments):
        if name in AWS_MANAGED:
            version, document = AWS_MANAGED[name]
            versions = [(version, document, 400)]
            created, pid, path = datetime(2015, 2, 6, 18, 39, 46, tzinfo=timezone.utc), \
                aws_id("ANPA"), "/"
        else:
            docs = CUSTOMER[name]
            versions = [(f"v{len(docs) - i}", d, 300 + 150 * i) for i, d in enumerate(docs)]
            created, pid, path = ago(versions[-1][2], 5), aws_id("ANPA"), "/"
        policies.append({
            "PolicyName": name, "PolicyId": pid, "Arn": policy_arn(account, name), "Path": path,
            "DefaultVersionId": versions[0][0], "AttachmentCount": attachments[name],
            "PermissionsBoundaryUsageCount": 0, "IsAttachable": True,
            "CreateDate": aws_time(created), "UpdateDate": aws_time(ago(versions[0][2], 5)),
            "PolicyVersionList": [
                {"Document": encode(d, url_encoded), "VersionId": v, "IsDefaultVersion": i == 0,
                 "CreateDate": aws_time(ago(days, 5))}
                for i, (v, d, days) in enumerate(versions)]})
    write_json(base / "get-account-authorization-details.json", {
        "UserDetailList": details_users, "GroupDetailList": groups, "RoleDetailList": roles,
        "Policies": policies})

    # ---- the credential report
    header = ["user", "arn", "user_creation_time", "password_enabled", "password_last_used",
              "password_last_changed", "password_next_rotation", "mfa_active",
              "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
              "access_key_1_last_used_region", "access_key_1_last_used_service",
              "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
              "access_key_2_last_used_region", "access_key_2_last_used_service",
              "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated"]
    upper = UPPER_CELLS.get(account, set())

    def b(user, column, value):
        text = "true" if value else "false"
        return text.upper() if (user, column) in upper else text

    def key_cells(user, keys, slot):
        col = f"access_key_{slot + 1}_active"
        if slot >= len(keys):
            return [b(user, col, False), "N/A", "N/A", "N/A", "N/A"]
        active, rotated, used, service = keys[slot]
        if used is None:
            return [b(user, col, active), aws_time(ago(rotated, 1, 30)), "N/A", "N/A", "N/A"]
        return [b(user, col, active), aws_time(ago(rotated, 1, 30)), aws_time(when(used)),
                "us-east-1", service]

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    root_used, root_mfa = ROOTS[account]
    r = "<root_account>"
    writer.writerow([r, f"arn:aws:iam::{account}:root",
                     aws_time(ago(ACCOUNT_CREATED[account], 0, 0)), "not_supported",
                     aws_time(when(root_used)) if root_used else "no_information",
                     "not_supported", "not_supported", b(r, "mfa_active", root_mfa)]
                    + key_cells(r, [], 0) + key_cells(r, [], 1)
                    + [b(r, "cert_1_active", False), "N/A", b(r, "cert_2_active", False), "N/A"])
    for u in users:
        name = u["name"]
        if u["password"] is None:
            pw = [b(name, "password_enabled", False), "N/A", "N/A", "N/A"]
        else:
            used, changed = u["password"]
            rotation = aws_time(ago(changed - password_policy, 0)) if password_policy else "N/A"
            pw = [b(name, "password_enabled", True),
                  "no_information" if used == "never" else aws_time(when(used)),
                  aws_time(ago(changed, 0)), rotation]
        writer.writerow([name, arn(u), aws_time(ago(u["created"], 2, 17))] + pw
                        + [b(name, "mfa_active", u["mfa"] is not None)]
                        + key_cells(name, u["keys"], 0) + key_cells(name, u["keys"], 1)
                        + [b(name, "cert_1_active", False), "N/A",
                           b(name, "cert_2_active", False), "N/A"])
    (base / "credential-report.csv").write_text(out.getvalue())

    # ---- MFA devices
    virtual = []
    if root_mfa:
        virtual.append({"SerialNumber": f"arn:aws:iam::{account}:mfa/root-account-mfa-device",
                        "User": {"UserId": account, "Arn": f"arn:aws:iam::{account}:root",
                                 "CreateDate": aws_time(ago(ACCOUNT_CREATED[account])),
                                 "PasswordLastUsed": aws_time(when(root_used))},
                        "EnableDate": aws_time(ago(ACCOUNT_CREATED[account] - 2, 3))})
    for u in users:
        if u["mfa"] is None:
            continue
        enabled = ago(max(u["created"] - 1, 1), 9, 5)
        device_user = {"Path": u["path"], "UserName": u["name"], "UserId": ids[u["name"]],
                       "Arn": arn(u), "CreateDate": aws_time(ago(u["created"], 2, 17))}
        used = u["password"][0] if u["password"] else "never"
        if used != "never":
            device_user["PasswordLastUsed"] = aws_time(when(used))
        devices = []
        if "virtual" in u["mfa"]:
            serial = f"arn:aws:iam::{account}:mfa/{u['name'].split('@')[0]}"
            virtual.append({"SerialNumber": serial, "User": device_user,
                            "EnableDate": aws_time(enabled)})
            devices.append({"UserName": u["name"], "SerialNumber": serial,
                            "EnableDate": aws_time(enabled)})
        if "fido" in u["mfa"]:
            devices.append({"UserName": u["name"],
                            "SerialNumber": f"arn:aws:iam::{account}:u2f/user/{u['name']}/"
                                            f"fidosecuritykey-{token(B32, 26)}",
                            "EnableDate": aws_time(ago(max(u["created"] - 30, 1), 4, 44))})
        if u["mfa"] == "hardware":
            devices.append({"UserName": u["name"], "SerialNumber": "GAHT" + str(RNG.randrange(10**7, 10**8)),
                            "EnableDate": aws_time(enabled)})
        if any(f in u["mfa"] for f in ("fido", "hardware")):
            write_json(base / "list-mfa-devices" / f"{u['name']}.json",
                       {"MFADevices": devices, "IsTruncated": False})
    # A device created for someone who never finished setting it up: listed with no User.
    virtual.append({"SerialNumber": f"arn:aws:iam::{account}:mfa/onboarding-spare"})
    write_json(base / "list-virtual-mfa-devices.json",
               {"VirtualMFADevices": virtual, "IsTruncated": False})
    if password_policy:
        write_json(base / "get-account-password-policy.json", {"PasswordPolicy": {
            "MinimumPasswordLength": 14, "RequireSymbols": True, "RequireNumbers": True,
            "RequireUppercaseCharacters": True, "RequireLowercaseCharacters": True,
            "AllowUsersToChangePassword": True, "ExpirePasswords": True,
            "MaxPasswordAge": password_policy, "PasswordReusePrevention": 24,
            "HardExpiry": False}})
    else:
        # AWS answers NoSuchEntity when no policy is set; the snapshot records that it asked
        # (a missing file would mean "not captured").
        write_json(base / "get-account-password-policy.json", {"Error": {
            "Code": "NoSuchEntity",
            "Message": "GetAccountPasswordPolicy: the account has no password policy set (NoSuchEntity)"}})
    manifest(base)


# =============================================================== MongoDB Atlas
TEAM_DATA, TEAM_PLATFORM = hex_id(ago(1190, 4)), hex_id(ago(1460, 2))


def org_user(address, first, last, status, last_auth, created, org_roles, groups, teams=()):
    return dict(username=address, first=first, last=last, status=status, last_auth=last_auth,
                created=created, org_roles=org_roles, groups=groups, teams=list(teams))


ORG_USERS = [
    org_user(full("Olivia Grant"), "Olivia", "Grant", "ACTIVE", 2, 1600, ["ORG_OWNER"], {}),
    org_user(full("David Kim"), "David", "Kim", "ACTIVE", 1, 1500, ["ORG_MEMBER"],
             {CLINICAL: ["GROUP_OWNER"]}, [TEAM_PLATFORM]),
    org_user(full("Priya Shah"), "Priya", "Shah", "ACTIVE", 1, 1100, ["ORG_MEMBER"],
             {ANALYTICS: ["GROUP_DATA_ACCESS_ADMIN"], CLINICAL: ["GROUP_READ_ONLY"]}),
    org_user(full("Omar Haddad"), "Omar", "Haddad", "ACTIVE", 1, 840, ["ORG_MEMBER"],
             {CLINICAL: ["GROUP_CLUSTER_MANAGER", "GROUP_DATA_ACCESS_READ_WRITE"]},
             [TEAM_PLATFORM]),
    org_user(full("Grace Lin"), "Grace", "Lin", "ACTIVE", 3, 870, ["ORG_MEMBER"], {CLINICAL: ["GROUP_READ_ONLY"]}, [TEAM_PLATFORM]),
    org_user(full("Chloe Martin"), "Chloe", "Martin", "ACTIVE", 2, 680, ["ORG_MEMBER"],
             {CLINICAL: ["GROUP_READ_ONLY"], ANALYTICS: ["GROUP_READ_ONLY"]}, [TEAM_PLATFORM]),
    org_user(full("Marcus Lee"), "Marcus", "Lee", "ACTIVE", (95, 1), 1200, ["ORG_MEMBER"],
             {ANALYTICS: ["GROUP_READ_ONLY"]}, [TEAM_DATA]),
    org_user(full("Sofia Rossi"), "Sofia", "Rossi", "ACTIVE", 4, 950, ["ORG_MEMBER"],
             {ANALYTICS: ["GROUP_DATA_ACCESS_READ_WRITE"]}, [TEAM_DATA]),
    org_user(full("Rita Moreno"), "Rita", "Moreno", "ACTIVE", (50, 4), 920, ["ORG_MEMBER"],
             {ANALYTICS: ["GROUP_DATA_ACCESS_READ_WRITE"]}, [TEAM_DATA]),
    org_user(full("Vera Sokolova"), "Vera", "Sokolova", "ACTIVE", 6, 420, ["ORG_READ_ONLY"], {},
             [TEAM_DATA]),
    org_user(full("Will Turner"), "Will", "Turner", "ACTIVE", 2, 400, ["ORG_MEMBER"],
             {ANALYTICS: ["GROUP_DATA_ACCESS_READ_ONLY"]}, [TEAM_DATA]),
    org_user(full("Xenia Pappas"), "Xenia", "Pappas", "ACTIVE", 30, 380, ["ORG_MEMBER"],
             {ANALYTICS: ["GROUP_DATA_ACCESS_READ_ONLY"]}, [TEAM_DATA]),
    org_user(full("Hannah Wu"), "Hannah", "Wu", "ACTIVE", (89, 1), 700, ["ORG_MEMBER"],
             {ANALYTICS: ["GROUP_READ_ONLY"]}),
    # Signed up with her address on the care domain: tied to her through that alias.
    org_user(f"aisha.bello@{CARE}", "Aisha", "Bello", "ACTIVE", 9, 600, ["ORG_MEMBER"],
             {CLINICAL: ["GROUP_READ_ONLY"]}),
    org_user(full("Ben Carter"), "Ben", "Carter", "ACTIVE", 3, 860, ["ORG_MEMBER"],
             {CLINICAL: ["GROUP_CLUSTER_MANAGER"]}, [TEAM_PLATFORM]),
    # An invitation to an outside address, not accepted yet.
    org_user("new.contractor@partner.example", None, None, "PENDING", None, 20, ["ORG_MEMBER"],
             {CLINICAL: ["GROUP_READ_ONLY"]}),
]


def db_user(group, username, roles, database="admin", labels=None, scopes=(), aws="NONE",
            x509="NONE", oidc="NONE", ldap="NONE", delete_after=None, description=None):
    user = {"databaseName": database, "groupId": group,
            "labels": [{"key": k, "value": v} for k, v in (labels or {}).items()],
            "ldapAuthType": ldap, "oidcAuthType": oidc, "awsIAMType": aws, "x509Type": x509,
            "roles": [dict(zip(("roleName", "databaseName", "collectionName"), r)) for r in roles],
            "scopes": [{"name": s, "type": "CLUSTER"} for s in scopes],
            "username": username,
            "links": [{"href": f"https://cloud.mongodb.com/api/atlas/v2/groups/{group}/databaseUsers/"
                               f"{urllib.parse.quote(database, safe='')}/"
                               f"{urllib.parse.quote(username, safe='')}", "rel": "self"}]}
    if delete_after is not None:
        user["deleteAfterDate"] = atlas_time(delete_after)
    if description:
        user["description"] = description
    return user


DB_USERS = {
    CLINICAL: [
        db_user(CLINICAL, "app-orders", [("readWrite", "orders")], scopes=["prod-0"],
                labels={"owner": full("Omar Haddad"), "kind": "service"},
                description="orders service"),
        db_user(CLINICAL, f"arn:aws:iam::{PROD}:role/clinical-api",
                [("readWrite", "clinical"), ("read", "reference")], database="$external",
                aws="ROLE", scopes=["prod-0"], labels={"owner": full("Omar Haddad")},
                description="clinical API (ECS task role)"),
        db_user(CLINICAL, "clinical-dashboards", [("read", "clinical", "encounters_daily")],
                scopes=["prod-analytics-0"],
                labels={"owner": full("Isaac Levi"), "kind": "service"},
                description="Metabase read-only connection"),
        db_user(CLINICAL, "dba", [("atlasAdmin", "admin")], labels={"owner": full("David Kim")},
                description="break-glass administration"),
        db_user(CLINICAL, "devops", [("readWrite", "orders"), ("clusterMonitor", "admin")],
                labels={"owner": full("David Kim")}, description="on-call shell access"),
        db_user(CLINICAL, "legacy-reporting", [("readAnyDatabase", "admin")],
                description="reporting job of the old data warehouse"),
        db_user(CLINICAL, "temp-migration", [("readWrite", "orders")], scopes=["prod-0"],
                labels={"owner": full("Grace Lin")}, delete_after=ago(-10, 6),
                description="one-off schema migration, ticket ENG-2231"),
    ],
    ANALYTICS: [
        db_user(ANALYTICS, full("Chloe Martin"), [("read", "analytics")], database="$external",
                oidc="USER"),
        db_user(ANALYTICS, "etl-sync", [("readWriteAnyDatabase", "admin")], database="$external",
                x509="MANAGED", labels={"owner": full("Sofia Rossi")},
                description="nightly sync from prod-clinical"),
        db_user(ANALYTICS, "analytics-bi", [("read", "analytics", "daily_rollups")],
                labels={"owner": full("Will Turner"), "kind": "service"},
                description="BI dashboards"),
        db_user(ANALYTICS, full("Sam Owusu"), [("read", "analytics")]),
        db_user(ANALYTICS, "shared-analytics", [("read", "analytics")],
                labels={"owner": f"{full('Marcus Lee')}, {full('Sam Owusu')}"},
                description="notebook login of the data team"),
        db_user(ANALYTICS, "audit-export", [("read", "analytics", "access_log")],
                labels={"owner": full("Priya Shah"), "kind": "service"},
                delete_after=ago(-5, 2), description="export for the annual HIPAA audit"),
    ],
}


def write_atlas():
    base = ROOT / "atlas" / ORG
    write_json(base / "organization.json", {
        "id": ORG, "name": "Meridian Health", "isDeleted": False,
        "skipDefaultAlertsSettings": False,
        "links": [{"href": f"https://cloud.mongodb.com/api/atlas/v2/orgs/{ORG}", "rel": "self"}]})
    write_json(base / "settings.json", {
        "apiAccessListRequired": True, "genAIFeaturesEnabled": False,
        "maxServiceAccountSecretValidityInHours": 2160, "multiFactorAuthRequired": False,
        "restrictEmployeeAccess": True, "securityContact": f"security@{DOMAIN}",
        "streamsCrossGroupEnabled": False})
    results = []
    for u in ORG_USERS:
        born = ago(u["created"], 5, 10) if u["status"] == "ACTIVE" else ago(u["created"], 2, 30)
        user = {"id": hex_id(born), "username": u["username"]}
        if u["first"]:
            user["firstName"], user["lastName"] = u["first"], u["last"]
        user["orgMembershipStatus"] = u["status"]
        user["roles"] = {"orgRoles": u["org_roles"],
                         "groupRoleAssignments": [{"groupId": g, "groupRoles": r}
                                                  for g, r in u["groups"].items()]}
        user["teamIds"] = u["teams"]
        if u["status"] == "ACTIVE":
            user["createdAt"] = atlas_time(ago(u["created"], 5, 10))
            user["country"] = "US"
            if u["last_auth"] is not None:
                user["lastAuth"] = atlas_time(when(u["last_auth"]))
        else:
            user["invitationCreatedAt"] = atlas_time(ago(u["created"], 2, 30))
            user["invitationExpiresAt"] = atlas_time(ago(u["created"] - 30, 2, 30))
            user["inviterUsername"] = full("David Kim")
        results.append(user)
    per_page = 8
    pages = [results[i:i + per_page] for i in range(0, len(results), per_page)]
    for number, page in enumerate(pages, start=1):
        def link(p, rel):
            return {"href": f"https://cloud.mongodb.com/api/atlas/v2/orgs/{ORG}/users"
                            f"?pageNum={p}&itemsPerPage={per_page}", "rel": rel}
        links = [link(number, "self")]
        if number > 1:
            links.insert(0, link(number - 1, "previous"))
        if number < len(pages):
            links.append(link(number + 1, "next"))
        write_json(base / "users" / f"page-{number}.json",
                   {"links": links, "results": page, "totalCount": len(results)})
    write_json(base / "groups.json", {
        "links": [{"href": f"https://cloud.mongodb.com/api/atlas/v2/orgs/{ORG}/groups?pageNum=1"
                           "&itemsPerPage=100", "rel": "self"}],
        "results": [
            {"id": CLINICAL, "name": "prod-clinical", "orgId": ORG, "clusterCount": 2,
             "created": atlas_time(ago(1580, 3)), "links": [], "tags": [
                 {"key": "environment", "value": "production"}]},
            {"id": ANALYTICS, "name": "analytics", "orgId": ORG, "clusterCount": 1,
             "created": atlas_time(ago(1210, 3)), "links": [], "tags": [
                 {"key": "environment", "value": "production"}]},
        ],
        "totalCount": 2})
    for group, users in DB_USERS.items():
        write_json(base / "groups" / group / "databaseUsers.json", {
            "links": [{"href": f"https://cloud.mongodb.com/api/atlas/v2/groups/{group}/databaseUsers"
                               "?pageNum=1&itemsPerPage=100", "rel": "self"}],
            "results": users, "totalCount": len(users)})
    manifest(base)


# =============================================================== correlation inputs
MAPPING = [
    ("# The production root user's credentials are in the CTO's break-glass safe.",),
    ("aws_iam", PROD, "root", full("Olivia Grant")),
    ("# QA's staging login is used by two engineers: declared, and still not allowed.",),
    ("aws_iam", STAGING, "shared-qa", full("Chloe Martin")),
    ("aws_iam", STAGING, "shared-qa", full("Omar Haddad")),
    ("# The staging root user is nobody's: it is deliberately not listed here.",),
]

ROLLCALL_YAML = """\
# The bundled demo organisation: a snapshot replayed offline, embedded state store.
organisation: Meridian Health
domains: [meridianhealth.example, meridian-care.example]
profile: default
output: ../../out/demo
sources:
  - name: demo-snapshot
    type: snapshot
    path: snapshot
correlation:
  mapping: mapping.csv
  ownerTags: [owner, email, owner_email]
"""

# =============================================================== what the rules must find
# (rule id, system, tenant, account name, why). expected-findings.csv is exactly this list;
# scripts/demo/check-demo-org.py re-derives it from the snapshot files and the rule semantics.
G, A, O, D = "google_workspace", "aws_iam", "atlas_org", "atlas_database"
DORMANT, GENERIC, NOMFA, OVERPRIV, LEFT, UNOWNED, SHARED = (
    "dormant-account", "generic-account-name", "interactive-login-without-mfa", "over-privileged",
    "access-after-termination", "unowned-account", "shared-account")
NEVERUSED, UNUSEDCRED, TEMPEXPIRED, ROOTRISK, WEAKMFA, EVERYDAY, SVCINTERACTIVE, SEVERAL = (
    "never-used-account", "unused-credential", "temporary-account-expired", "root-account-risk",
    "weak-mfa-for-privileged", "privileged-everyday-account", "service-account-used-interactively",
    "several-accounts-one-system")
CONCURRENT = "concurrent-sign-ins"
TRUST = "permissive-role-trust"
KEYAGE, TWOKEYS, PWAGE = ("access-key-not-rotated", "two-active-access-keys", "password-too-old")
PWPOLICY, ORGMFA, ADMINS = (
    "password-policy-weaker-than-policy", "organisation-mfa-not-required", "too-many-admins")


def T(system, tenant):
    """The account name of a finding about a tenant itself, as rollcall words it."""
    return {A: f"AWS account {tenant}", O: f"Atlas organisation {tenant}",
            G: f"Google Workspace {tenant}"}[system]


def M(local):
    return f"{local}@{DOMAIN}"



PLANTED = [
    # dormant-account
    (DORMANT, A, PROD, "kevin.otto", "console password last used 91 days before capture"),
    (DORMANT, A, PROD, "test", "password last used 200 days ago, no access keys"),
    (DORMANT, A, STAGING, "load-tester", "service user: its only key was last used 120 days ago"),
    (DORMANT, G, DOMAIN, M("victor.hale"), "last sign-in 91 days before capture"),

    (DORMANT, O, ORG, M("marcus.lee"), "Atlas lastAuth 95 days ago"),
    # generic-account-name
    (GENERIC, A, PROD, "sysadmin1", "the policy's own example of an id that reveals privilege"),
    (GENERIC, A, PROD, "test", "a test login"),
    (GENERIC, A, STAGING, "staging-admin", "'admin' reveals privilege (owner Ben Carter does not excuse it)"),
    (GENERIC, G, DOMAIN, M("admin"), "a role mailbox named for privilege (display name Meridian IT)"),
    (GENERIC, G, DOMAIN, M("it-support"), "a role mailbox: 'it' and 'support' are both generic words"),
    (GENERIC, D, CLINICAL, "dba", "'dba' reveals privilege"),
    (GENERIC, D, CLINICAL, "devops", "a team login; not a service by any evidence, so generic words count"),
    # interactive-login-without-mfa
    (NOMFA, A, PROD, "mark.evans", "console password, mfa_active false"),
    (NOMFA, A, PROD, "test", "console password, mfa_active false"),
    (NOMFA, A, STAGING, "kevin.otto", "console password, no MFA (upper-case FALSE in that report)"),
    (NOMFA, A, STAGING, "root", "the staging root user has no MFA device (critical)"),
    (NOMFA, G, DOMAIN, M("mark.evans"), "isEnrolledIn2Sv false (/Support does not enforce 2SV)"),
    (NOMFA, G, DOMAIN, M("it-support"), "isEnrolledIn2Sv false on a role mailbox"),
    (NOMFA, G, DOMAIN, M("paul.ng"), "never signed in, so never enrolled: the password alone opens it"),
    (NOMFA, G, DOMAIN, M("zoe.adams"), "new hire, not signed in yet and not enrolled in 2SV"),
    # over-privileged
    (OVERPRIV, A, PROD, "olivia.grant", "AdministratorAccess through the Admins group (the CTO's everyday login)"),
    (OVERPRIV, A, PROD, "sysadmin1", "AdministratorAccess through the Admins group"),
    (OVERPRIV, A, PROD, "sofia.rossi",
     "read-only herself, but admin through the roles support-entry -> ops-escalation -> platform-admin"),
    (OVERPRIV, A, PROD, "support-entry", "reaches platform-admin through ops-escalation"),
    (OVERPRIV, A, PROD, "ops-escalation", "reaches platform-admin"),
    (OVERPRIV, A, PROD, "platform-admin", "an IAM role holding AdministratorAccess"),
    (TRUST, A, PROD, "legacy-support",
     "its trust names the account root with no condition: every developer and admin may assume it"),
    (OVERPRIV, A, STAGING, "staging-admin", "AdministratorAccess through the Admins group"),
    (OVERPRIV, A, PROD, "dan.wright", "inline policy break-glass-everything: * on *"),
    (OVERPRIV, A, PROD, "rachel.green", "customer policy IamKeyManager: iam:CreateAccessKey, iam:AttachUserPolicy"),
    (OVERPRIV, G, DOMAIN, M("olivia.grant"), "super admin (isAdmin)"),
    (OVERPRIV, G, DOMAIN, M("admin"), "super admin (isAdmin)"),
    (OVERPRIV, G, DOMAIN, M("hannah.wu"), "User Management Admin (USERS_ALL): can reset an admin's password"),
    (OVERPRIV, O, ORG, M("olivia.grant"), "ORG_OWNER"),
    (OVERPRIV, O, ORG, M("david.kim"), "GROUP_OWNER of prod-clinical"),
    (OVERPRIV, O, ORG, M("priya.shah"), "GROUP_DATA_ACCESS_ADMIN of analytics: creates database users"),
    (OVERPRIV, D, CLINICAL, "dba", "atlasAdmin"),
    (OVERPRIV, D, CLINICAL, "legacy-reporting", "readAnyDatabase: a grant over every database"),
    (OVERPRIV, D, ANALYTICS, "etl-sync", "readWriteAnyDatabase"),
    # access-after-termination
    (LEFT, A, PROD, "tom.baker", "Tom is suspended in Google; his console password still works"),
    (LEFT, O, ORG, M("rita.moreno"), "Rita is archived in Google; still an Atlas organisation member"),
    (LEFT, D, ANALYTICS, M("sam.owusu"), "Sam is suspended; his SCRAM user, named by his email, lives on"),
    # unowned-account
    (UNOWNED, A, PROD, "contractor-bob", "no tag, no mapping row, the name matches nobody"),
    (UNOWNED, A, PROD, "etl-loader", f"its owner tag names data-team@{DOMAIN}, which is nobody"),
    (UNOWNED, A, PROD, "test", "no tag, no mapping row, test@ is nobody"),
    (UNOWNED, A, STAGING, "root", "not in mapping.csv (the production root is)"),
    (UNOWNED, O, ORG, "new.contractor@partner.example", "a pending invitation to an outside address"),
    (UNOWNED, D, CLINICAL, "legacy-reporting", "no owner label, the name matches nobody"),
    # shared-account
    (SHARED, A, PROD, "backup-agent", "owner tag names Priya Shah and Mark Evans"),
    (SHARED, A, STAGING, "shared-qa", "two rows of mapping.csv (Chloe Martin, Omar Haddad)"),
    (SHARED, D, ANALYTICS, "shared-analytics", "owner label names Marcus Lee and Sam Owusu"),
    # never-used-account
    (NEVERUSED, G, DOMAIN, M("paul.ng"), "never signed in (lastLoginTime 1970-01-01), created 150 days ago"),
    # unused-credential
    (UNUSEDCRED, A, PROD, "xenia.pappas", "console password idle 120 days while her access key is in use"),
    # temporary-account-expired
    (TEMPEXPIRED, A, PROD, "contractor-bob", "tag expires=2026-10-31, 20 days before capture"),
    # root-account-risk
    (ROOTRISK, A, PROD, "root", "the production root has only a virtual MFA device, no hardware factor"),
    (ROOTRISK, A, STAGING, "root", "no MFA at all, and signed in 15 days before capture"),
    # weak-mfa-for-privileged
    (WEAKMFA, A, PROD, "sysadmin1", "AdministratorAccess with a virtual TOTP only"),
    (WEAKMFA, A, PROD, "dan.wright", "* on * with a virtual TOTP only"),
    (WEAKMFA, A, PROD, "rachel.green", "privilege escalation (IamKeyManager) with a virtual TOTP only"),
    (WEAKMFA, A, PROD, "sofia.rossi", "admin through a chain of roles, with a virtual TOTP only"),
    (WEAKMFA, A, STAGING, "staging-admin", "AdministratorAccess with a virtual TOTP only"),
    # privileged-everyday-account
    (EVERYDAY, A, PROD, "olivia.grant", "the CTO's only production login is an administrator"),
    (EVERYDAY, A, PROD, "dan.wright", "his only production login holds * on *"),
    (EVERYDAY, A, PROD, "rachel.green", "her only production login can escalate"),
    (EVERYDAY, G, DOMAIN, M("olivia.grant"), "her only Google account is a super admin"),
    (EVERYDAY, G, DOMAIN, M("admin"), "a super admin mailbox that is its own person"),
    (EVERYDAY, G, DOMAIN, M("hannah.wu"), "her only Google account is a User Management Admin"),
    (EVERYDAY, O, ORG, M("olivia.grant"), "ORG_OWNER is her only Atlas login"),
    (EVERYDAY, O, ORG, M("david.kim"), "GROUP_OWNER of prod-clinical is his only Atlas login"),
    (EVERYDAY, O, ORG, M("priya.shah"), "GROUP_DATA_ACCESS_ADMIN is her only Atlas login"),
    # service-account-used-interactively
    (SVCINTERACTIVE, A, PROD, "backup-agent", "a service user whose console password was used 3 days ago"),
    # several-accounts-one-system
    (SEVERAL, A, PROD, "sysadmin1", "David Kim's second IAM user, no purpose tag"),
    (SEVERAL, A, STAGING, "staging-admin", "Ben Carter's second IAM user, no purpose tag"),
    (SEVERAL, D, CLINICAL, "devops", "David Kim also owns the dba database user"),
    # access-key-not-rotated
    (KEYAGE, A, PROD, "xenia.pappas", "access key created 180 days ago"),
    (KEYAGE, A, STAGING, "load-tester", "access key created 200 days ago"),
    # two-active-access-keys
    (TWOKEYS, A, STAGING, "ci-deploy", "a key rotation started 20 days ago and never finished"),
    # password-too-old
    (PWAGE, A, PROD, "aaron.fox", "password last changed 150 days ago (limit 90)"),
    (PWAGE, A, PROD, "kevin.otto", "password last changed 120 days ago"),
    (PWAGE, A, PROD, "lisa.park", "password last changed 120 days ago"),
    (PWAGE, A, PROD, "olivia.grant", "an administrator's password changed 80 days ago (limit 60)"),
    (PWAGE, A, PROD, "test", "password last changed 400 days ago"),
    (PWAGE, A, PROD, "tom.baker", "password last changed 200 days ago"),
    (PWAGE, A, PROD, "xenia.pappas", "password last changed 200 days ago"),
    # interactive-login-without-mfa, again
    (NOMFA, A, PROD, "backup-agent", "its console password has no MFA"),
    # concurrent-sign-ins
    (CONCURRENT, G, DOMAIN, M("it-support"), "signed in from two addresses four minutes apart (login audit)"),
    # tenant settings
    (PWPOLICY, A, STAGING, T(A, STAGING), "the staging account has no password policy at all"),
    (ORGMFA, O, ORG, T(O, ORG), "multiFactorAuthRequired is false in the organisation settings"),
]

# (account, system, tenant, rule it must NOT trip, why)
NEAR_MISSES = [
    (M("olivia.grant"), G, DOMAIN, CONCURRENT, "home and office sign-ins six hours apart"),
    ("will.turner", A, PROD, TEMPEXPIRED, "tag expires=2027-03-31: the contract still runs"),
    ("backup-agent", A, PROD, TWOKEYS, "two access keys, but the second is inactive"),
    ("emma.stone, felix.braun", A, PROD, WEAKMFA, "developers with a FIDO key or hardware token, no admin grant"),
    ("olivia.grant", A, PROD, WEAKMFA, "an administrator with a FIDO key beside her virtual device"),
    ("ci-deploy", A, PROD, SVCINTERACTIVE, "a service user with an access key and no console password"),
    ("yusuf.demir", A, STAGING, NEVERUSED, "never signed in, but created 30 days ago: inside the grace period"),
    ("will.turner", A, PROD, PWAGE, "password changed exactly 90 days ago"),
    (T(A, PROD), A, PROD, PWPOLICY, "14 characters, all four character sets, 90-day expiry, 24 remembered"),
    (T(A, PROD), A, PROD, ADMINS, "4 administrators besides the root user (limit 4), sofia.rossi through a chain of roles; roles themselves are not counted"),
    (T(G, DOMAIN), G, DOMAIN, ADMINS, "2 super admins (limit 4)"),
    (M("nora.quinn"), G, DOMAIN, DORMANT, "last sign-in 89 days before capture"),
    ("lisa.park", A, PROD, DORMANT, "password last used 89 days before capture"),
    ("aaron.fox", A, PROD, DORMANT, "password last used exactly 90 days (to the second) before capture"),
    ("xenia.pappas", A, PROD, DORMANT, "password idle 120 days, but access key 1 used 5 days ago: last use is the latest of the three"),
    ("backup-agent", A, PROD, DORMANT, "its inactive second key was last used 380 days ago; key 1 two days ago"),
    (M("hannah.wu"), O, ORG, DORMANT, "Atlas lastAuth 89 days ago"),
    (M("zoe.adams"), G, DOMAIN, DORMANT, "never signed in, but created 10 days ago"),
    ("yusuf.demir", A, STAGING, DORMANT, "password never used (no_information), user created 30 days ago"),
    ("yusuf.demir", A, STAGING, NOMFA, "never signed in, but IT assigned him a hardware token (list-mfa-devices)"),
    ("new.contractor@partner.example", O, ORG, DORMANT, "never signed in: invited 20 days ago"),
    ("(every database user)", D, "both projects", DORMANT, "Atlas gives no last use for database users: unknown, never dormant"),
    (M("admin.smith"), G, DOMAIN, GENERIC, "a real person called Admin Smith: both words are their own name"),
    ("admin.smith", A, PROD, GENERIC, "Admin Smith's IAM user, tied to them by admin.smith@ at the company domain"),
    ("shared-qa", A, STAGING, GENERIC, "'qa' is not a generic word (it is flagged as shared instead)"),
    ("shared-analytics", D, ANALYTICS, GENERIC, "'analytics' is not a generic word (it is flagged as shared instead)"),
    ("temp-migration", D, CLINICAL, GENERIC, "'migration' is not a generic word; the user expires in 10 days"),
    ("load-tester", A, STAGING, GENERIC, "'tester' is not 'test'"),
    ("new.contractor@partner.example", O, ORG, GENERIC, "'new' and 'contractor' are not generic words"),
    ("root", A, f"{PROD}, {STAGING}", GENERIC, "the root user is what it is"),
    ("ci-deploy", A, f"{PROD}, {STAGING}", NOMFA, "a service user with an access key and no console password"),
    ("(every Atlas organisation user)", O, ORG, NOMFA, "Atlas has no per-user MFA field: unknown, never flagged"),
    ("root", A, PROD, NOMFA, "the production root user has a virtual MFA device"),
    ("root", A, f"{PROD}, {STAGING}", OVERPRIV, "the root user's power cannot be reduced: its risks have rules of their own"),
    ("emma.stone, felix.braun", A, PROD, NOMFA, "MFA by FIDO security key and hardware TOTP token (list-mfa-devices)"),
    ("grace.lin, ben.carter, david.kim, jd, …", A, PROD, OVERPRIV, "PowerUserAccess (NotAction iam:*) and DataLakeWriter are write"),
    ("will.turner, kevin.otto, …", A, PROD, OVERPRIV, "ReadOnlyAccess"),
    ("grace.lin, ben.carter, …", A, PROD, OVERPRIV,
     "PowerUserAccess lets developers assume legacy-support, but it holds only ReadOnlyAccess"),
    ("clinical-api", A, PROD, TRUST, "a service role: only ecs-tasks.amazonaws.com may assume it"),
    ("ops-escalation, platform-admin", A, PROD, TRUST, "each trust names one role of the chain"),
    ("support-entry", A, PROD, TRUST, "its trust names one user, sofia.rossi"),
    ("sofia.rossi", A, PROD, EVERYDAY,
     "her login is read-only: admin is reached by assuming roles, the standard-then-elevate pattern"),
    ("legacy-support", A, PROD, SHARED,
     "a role is meant to be assumed by several people: their sessions are their own"),
    ("legacy-support", A, PROD, UNOWNED,
     "a role's owners are the people who may assume it: here every developer and admin"),
    (f"priya.shah@{DOMAIN}", A, PROD, OVERPRIV, "SecurityAudit is read"),
    ("ci-deploy", A, PROD, OVERPRIV, "DeployPipeline's old non-default version v1 was * on *; only the default version v2 counts"),
    (M("ian.cole"), G, DOMAIN, OVERPRIV, "Help Desk Admin holds only *_RETRIEVE privileges"),
    (M("karl.jensen"), G, DOMAIN, OVERPRIV, "Help Desk Admin scoped to the /Support org unit"),
    (M("stefan.horvat"), G, DOMAIN, OVERPRIV, "Groups Reader"),
    (M("omar.haddad"), O, ORG, OVERPRIV, "GROUP_CLUSTER_MANAGER and GROUP_DATA_ACCESS_READ_WRITE are write"),
    (M("grace.lin"), O, ORG, OVERPRIV, "GROUP_READ_ONLY"),
    ("app-orders, temp-migration", D, CLINICAL, OVERPRIV, "readWrite@orders"),
    ("analytics-bi, audit-export", D, ANALYTICS, OVERPRIV, "read on one collection"),
    (M("lena.fischer"), G, DOMAIN, LEFT, "suspended, and her IAM user and Atlas membership were removed in time"),
    ("shared-analytics", D, ANALYTICS, LEFT, "Sam Owusu has left, but his co-owner Marcus Lee has not"),
    ("tom.baker@, rita.moreno@, sam.owusu@, lena.fischer@", G, DOMAIN, "any",
     "suspended or archived directory accounts grant no access (not dormant, not missing MFA)"),
    ("jd", A, PROD, UNOWNED, "jd@ is an alias of Julia Diaz (who has two aliases)"),
    (f"aisha.bello@{CARE}", O, ORG, UNOWNED, "an alias of Aisha Bello on the secondary domain"),
    (f"priya.shah@{DOMAIN}", A, PROD, UNOWNED, "an IAM user named by the email itself"),
    ("root", A, PROD, UNOWNED, "mapped to the CTO in mapping.csv"),
    ("ci-deploy", A, f"{PROD}, {STAGING}", UNOWNED, "owner tag names Omar Haddad"),
    (f"arn:aws:iam::{PROD}:role/clinical-api", D, CLINICAL, UNOWNED, "an AWS IAM role user with an owner label"),
    ("sysadmin1", A, PROD, SHARED, "one owner tag, one person"),
    (M("chloe.martin"), D, ANALYTICS, "any", "an OIDC database user of a current employee, read-only"),
]

AMBIGUITIES = """\
- **Whole days.** Idle days are whole days, rounded down, from the last use to the capture
  time; more than 90 is flagged, 90 is not. The boundary accounts are placed so that "whole
  days > 90" and "elapsed time > 90 days" agree: 89 days + 4 h, 91 days + 4 h, and aaron.fox at
  exactly 90 days to the second.
- **Whose names excuse a word (generic-account-name).** The rule removes the words of the
  owner's or the account's own given/family name. When nothing remains the account is not
  flagged (Admin Smith). The role mailboxes are deliberately given display names that share no
  word with their addresses (admin@ is "Meridian IT", it-support@ is "Meridian Helpdesk"), so they
  are flagged under every reading, including the stricter one that sets name words aside only
  when the sign-in name also holds a real name word.
- **"shared-analytics" is not a generic name.** Its words are "shared" and "analytics"; only the
  first is a generic word, so under the stated semantics it is not flagged as generic. It is
  planted as a shared account instead (its owner label names two people), and the Atlas
  generic-words plant is the database user "devops". That makes three shared accounts, not two.
- **Service accounts and generic words.** A database user counts as a service only on evidence
  (a kind=service label, X.509 or AWS IAM role authentication). "devops" has none, so its
  generic words count.
- **The AWS root user and over-privileged.** The root user always holds an ADMIN grant, but its
  power cannot be reduced, so over-privileged leaves it to the rules that judge its use, MFA and
  owner (the production root is owned by the CTO through mapping.csv and has MFA; it trips
  nothing; the staging root is flagged for missing MFA and for having no owner).
- **Never signed in, no 2-Step Verification.** Every active Google user counts as having an
  interactive login, and a user who never signed in cannot have enrolled, so paul.ng@ (also
  never used) and the new hire zoe.adams@ are flagged for missing MFA. This is the truth the
  directory tells, not an accident of the data.
- **Pending invitations are active.** An Atlas PENDING invitation counts as active. Its creation
  time is invitationCreatedAt (20 days ago), so it is not dormant, but it is unowned.
- **Owner tags with several addresses** are split on commas, semicolons and spaces
  ("a@x, b@x"); each address that is a person's makes that person an owner.
- **Escalation is a list, not "any IAM write".** PowerUserAccess allows
  iam:CreateServiceLinkedRole and iam:DeleteServiceLinkedRole; these are not privilege
  escalation, so PowerUserAccess stays WRITE as the semantics require.
- **Only the default policy version counts.** Older, non-default versions of a customer policy
  (DeployPipeline v1 was "*" on "*") grant nothing.
- **Upper-case booleans.** AWS writes the credential report in lower case; a few cells of the
  staging report were upper-cased (TRUE/FALSE) to test tolerant parsing. They mean the same.
- **Atlas OIDC user names** are given as the plain email (chloe.martin@) rather than with an
  identity-provider id prefix, so that the example stays readable.
"""


def write_planted(people_count, counts):
    rows = sorted(PLANTED, key=lambda p: (p[0], p[1], p[2], p[3]))
    assert len({(r[0], r[1], r[2], r[3]) for r in rows}) == len(rows), "duplicate planted finding"
    lines = ["rule_id,system,tenant,account_name"]
    lines += [",".join(r[:4]) for r in rows]
    (DEMO / "expected-findings.csv").write_text("\n".join(lines) + "\n")

    out = io.StringIO()

    def w(text):
        out.write(text)

    def para(text):
        out.write(textwrap.fill(text, 100, break_on_hyphens=False) + "\n\n")

    def where(tenant):
        return f"{tenant} ({TENANT_LABEL[tenant]})" if tenant in TENANT_LABEL else tenant
    w("# Meridian Health: what is planted in the demo organisation\n\n")
    para(f"Meridian Health is a made-up health-data company: {people_count} people and "
         f"{len(MAILBOXES)} role mailboxes in Google Workspace (`{DOMAIN}`, some aliases on "
         f"`{CARE}`), AWS production `{PROD}` and staging `{STAGING}`, and one Atlas organisation "
         f"`{ORG}` with the projects `prod-clinical` and `analytics`. Every tenant was captured at "
         f"{atlas_time(CAPTURED)}; every age below is measured from then.")
    w("| system | tenant | accounts |\n| --- | --- | --- |\n")
    for system, tenant, count in counts:
        w(f"| {system} | {tenant} | {count} |\n")
    w("\n")
    para("The snapshot is written by [scripts/demo/make-demo-org.py](../../scripts/demo/make-demo-org.py), "
         "where each person and account is listed explicitly, and checked by "
         "[scripts/demo/check-demo-org.py](../../scripts/demo/check-demo-org.py), which re-derives "
         "the findings from the snapshot files alone. [expected-findings.csv](expected-findings.csv) "
         "is the exact list the golden test (`DemoOrganisationTest`) holds the pipeline to: "
         f"{len(rows)} findings on {len({(r[1], r[2], r[3]) for r in rows})} accounts. Most people "
         "are clean: MFA on, recent sign-ins, read or write access only, one owner per account. To "
         "change the demo, edit the generator and run both scripts.")
    para("\"Active\" means an account status of active or pending (Atlas invitations). Ages are "
         "whole days from the last use to the capture time; the limit is the default profile's 90 "
         "days. A person has left when their Google Workspace user is suspended, archived or "
         "deleted.")
    w("## Planted problems\n\nOne row per expected finding.\n\n")
    w("| account | system | tenant | expected rule id | why |\n| --- | --- | --- | --- | --- |\n")
    for rule, system, tenant, account, why in sorted(PLANTED, key=lambda p: (p[3], p[1], p[2], p[0])):
        w(f"| `{account}` | {system} | {where(tenant)} | `{rule}` | {why} |\n")
    w("\n## Near misses (must not be flagged)\n\n")
    w("| account | system | tenant | rule it must not trip | why |\n| --- | --- | --- | --- | --- |\n")
    for account, system, tenant, rule, why in NEAR_MISSES:
        w(f"| `{account}` | {system} | {where(tenant)} | `{rule}` | {why} |\n")
    w("\n## Choices made where the rules could be read two ways\n\n")
    w(AMBIGUITIES)
    (DEMO / "PLANTED.md").write_text(out.getvalue())


def write_mapping():
    out = io.StringIO()
    out.write("system,tenant,account,person\n")
    for row in MAPPING:
        out.write((row[0] if len(row) == 1 else ",".join(row)) + "\n")
    (DEMO / "mapping.csv").write_text(out.getvalue())


if __name__ == "__main__":
    if ROOT.exists():
        shutil.rmtree(ROOT)
    users = write_google()
    write_aws(PROD, PROD_USERS, url_encoded=False, password_policy=90)
    write_aws(STAGING, STAGING_USERS, url_encoded=True, password_policy=None)
    write_atlas()
    write_mapping()
    (DEMO / "rollcall.yaml").write_text(ROLLCALL_YAML)
    counts = [
        ("google_workspace", DOMAIN, len(users)),
        # users, the root user, clinical-api and the roles of the admin chain
        ("aws_iam", f"{PROD} (production)",
         len(PROD_USERS) + 2 + len(admin_role_chain(PROD, False))),
        ("aws_iam", f"{STAGING} (staging)", len(STAGING_USERS) + 1),
        ("atlas_org", ORG, len(ORG_USERS)),
        ("atlas_database", f"{CLINICAL} (prod-clinical)", len(DB_USERS[CLINICAL])),
        ("atlas_database", f"{ANALYTICS} (analytics)", len(DB_USERS[ANALYTICS])),
    ]
    write_planted(len(PEOPLE), counts)
    print(f"wrote the demo organisation under {DEMO}")
