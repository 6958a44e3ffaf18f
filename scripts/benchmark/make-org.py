#!/usr/bin/env python3
"""Writes a synthetic organisation of a chosen size as a rollcall snapshot, for benchmarks.

    python3 scripts/benchmark/make-org.py --accounts 100000 --seed 7 --out .cache/bench/org-100000

The snapshot has the shapes of the demo organisation (scripts/demo/make-demo-org.py) and of the
README's "Snapshot layout": people in Google Workspace (aliases, suspended and archived leavers,
role mailboxes, a login audit), AWS accounts of up to 2,500 IAM users each (groups, managed and
inline policies, access keys, virtual, FIDO and hardware MFA, credential reports, password
policies), an IAM Identity Center store (groups, permission sets, account assignments), and Atlas
organisations (organisation users with project roles, projects with database users). Every
problem the rules find is planted in a small, fixed proportion (see PROPORTIONS), so that a run
does the work a real organisation of that size makes it do.

The output is a pure function of --accounts and --seed: no clock (every time is an offset before
CAPTURED), one seeded generator, files written in a fixed order with fixed formatting, so the same
arguments give byte-identical files. Python 3 standard library only. Beside snapshot/ it writes
rollcall.yaml (output: out/ inside --out) and org.json (what was generated, by system).
"""
import argparse
import csv
import io
import json
import math
import random
import shutil
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

CAPTURED = datetime(2026, 11, 20, 6, 0, 0, tzinfo=timezone.utc)
DOMAIN = "northwind-bench.example"
IAM_USERS_PER_ACCOUNT = 2500  # half of IAM's quota of 5,000 users per account
GOOGLE_PAGE = 500  # users.list maxResults
ATLAS_PAGE = 500  # itemsPerPage
DETAILS_PAGE = 1000  # GetAccountAuthorizationDetails MaxItems
IC_PAGE = 100  # identitystore list-users / list-group-memberships MaxResults
DB_USERS_PER_PROJECT = 100

# Share of all accounts per system; they add up to 1.
SHARE = {"google": 0.25, "iam": 0.45, "identity_center": 0.15, "atlas_org": 0.10,
         "atlas_db": 0.05}

# How often each problem is planted (a fraction of the accounts it can apply to).
PROPORTIONS = {
    "leaver": 0.03,             # Google user suspended (or archived): the person has left
    "leaver_keeps_access": 0.5,  # of a leaver's other accounts: still active
    "google_dormant": 0.03,
    "google_never": 0.01,
    "google_no_2sv": 0.03,
    "google_alias": 0.2,
    "iam_dormant": 0.04,
    "iam_never_used": 0.01,
    "iam_no_mfa": 0.03,
    "iam_fido": 0.05,
    "iam_hardware": 0.02,
    "iam_key": 0.25,            # a human IAM user with an access key
    "iam_key_old": 0.3,         # of the keys: older than 90 days
    "iam_key_unused": 0.1,      # of the keys: not used for over 90 days
    "iam_two_keys": 0.05,       # of the users with a key: a second active one
    "iam_password_old": 0.06,
    "iam_admin": 0.004,         # in the Admins group
    "iam_escalation": 0.003,    # the IamKeyManager policy attached
    "iam_inline_star": 0.001,   # an inline "*" on "*"
    "iam_unowned": 0.015,       # a name that ties to nobody
    "iam_generic": 0.003,       # test, admin, shared… with an owner tag
    "iam_shared": 0.002,        # an owner tag naming two people
    "iam_second": 0.01,         # a person's second user in the same account
    "iam_service": 0.06,        # a service user (path /service/, kind=service, key only)
    "iam_service_console": 0.05,  # of the service users: a console password used lately
    "iam_temporary_expired": 0.003,
    "ic_admin": 0.01,
    "ic_disabled": 0.02,
    "atlas_dormant": 0.04,
    "atlas_pending": 0.01,
    "atlas_owner": 0.002,
    "db_any_database": 0.03,
    "db_unowned": 0.05,
    "db_expiring": 0.01,        # a deleteAfterDate in the coming month
    "login_audit": 0.02,        # Google users with sign-ins in the login audit
    "concurrent": 0.1,          # of those: two addresses minutes apart
}

GIVEN = ["ada", "ben", "cara", "dev", "eli", "fay", "gus", "hana", "ivan", "jo", "kai", "lena",
         "milo", "nia", "omar", "pia", "quin", "rosa", "sam", "tara", "uma", "vik", "wren",
         "xia", "yara", "zed", "amir", "bea", "cole", "dina", "emil", "flor", "gwen", "hugo",
         "iris", "jana", "karl", "luz", "mina", "noor"]
FAMILY = ["abbott", "baros", "chen", "dube", "ekwu", "frey", "garza", "holm", "ibsen", "jovic",
          "kahn", "lund", "moreau", "nagy", "okoro", "petit", "quist", "roth", "sato", "toma",
          "ueda", "vance", "wolff", "xu", "yilmaz", "zorn", "amari", "brandt", "costa", "dahl",
          "engel", "fabre", "greco", "haas", "ilic", "jung", "kovac", "lopez", "mori", "nash"]
OUS = ["/Engineering", "/Data", "/Operations", "/Sales", "/Finance", "/People", "/Support"]
UNOWNED_WORDS = ["legacy", "old", "migr", "x", "tmp2", "import", "sync", "tool", "batch", "etl"]
GENERIC_NAMES = ["test", "admin", "shared", "root-ops", "sysadmin", "guest", "demo", "temp"]
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


class Org:
    """Everything generated, with one random generator consumed in a fixed order."""

    def __init__(self, accounts, seed):
        self.rng = random.Random(seed)
        self.total = accounts
        self.counts = {k: max(1, round(accounts * v)) for k, v in SHARE.items()}

    def chance(self, key):
        return self.rng.random() < PROPORTIONS[key]

    def token(self, alphabet, n):
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def hex_id(self, born):
        return f"{int(born.timestamp()):08x}" + self.token("0123456789abcdef", 16)


def ago(days, hours=0, minutes=0):
    return CAPTURED - timedelta(days=days, hours=hours, minutes=minutes)


def g_time(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def aws_time(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def atlas_time(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_json(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        json.dump(data, out, separators=(",", ":"), ensure_ascii=False)
        out.write("\n")


def manifest(tenant_dir):
    write_json(tenant_dir / "rollcall-snapshot.json", {"capturedAt": atlas_time(CAPTURED)})


def pick(items, i, offset=0):
    """The i-th of a fixed permutation of items (a stride prime to their number): no repeats
    until every item was picked once."""
    stride = next(s for s in (7919, 104729, 1299709) if len(items) % s)
    return items[(offset + i * stride) % len(items)]


def chunks(items, size):
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


# =============================================================== people
def make_people(org):
    """The directory: one entry per person, a few role mailboxes at the end."""
    people = []
    n = org.counts["google"]
    mailboxes = max(2, n // 500)
    for i in range(n - mailboxes):
        given = GIVEN[i % len(GIVEN)]
        family = FAMILY[(i // len(GIVEN)) % len(FAMILY)]
        local = f"{given}.{family}{i // (len(GIVEN) * len(FAMILY)) or ''}"
        left = org.chance("leaver")
        people.append(dict(
            local=local, given=given.capitalize(), family=family.capitalize(),
            ou=OUS[i % len(OUS)], left=left, archived=left and org.rng.random() < 0.2,
            created=org.rng.randint(40, 2500), mailbox=False,
            alias=org.chance("google_alias")))
    for i in range(mailboxes):
        people.append(dict(local=["helpdesk", "admin", "it-support", "shared-inbox"][i % 4]
                           + (str(i // 4) if i >= 4 else ""), given="Northwind",
                           family=["Helpdesk", "Ops", "Service", "Desk"][i % 4], ou="/",
                           left=False, archived=False, created=org.rng.randint(400, 2500),
                           mailbox=True, alias=False))
    return people


def email(local):
    return f"{local}@{DOMAIN}"


def write_google(org, root, people):
    base = root / "google" / DOMAIN
    users = []
    super_admins = []
    for i, p in enumerate(people):
        uid = str(100_000_000_000_000_000_000 + i * 7919)
        roll = org.rng.random()
        never = roll < PROPORTIONS["google_never"] and p["created"] > 30
        dormant = not never and roll < PROPORTIONS["google_never"] + PROPORTIONS["google_dormant"]
        login = None if never else ago(org.rng.randint(95, 400) if dormant
                                       else org.rng.randint(0, 60), org.rng.randint(0, 23))
        if login is not None and login < ago(p["created"]):
            login = ago(p["created"] - 1)
        address = email(p["local"])
        aliases = [email(p["local"].replace(".", "")) ] if p["alias"] else []
        tsv = not org.chance("google_no_2sv") and not never
        user = {
            "kind": "admin#directory#user", "id": uid, "primaryEmail": address,
            "name": {"givenName": p["given"], "familyName": p["family"],
                     "fullName": f"{p['given']} {p['family']}"},
            "isAdmin": False, "isDelegatedAdmin": False,
            "lastLoginTime": "1970-01-01T00:00:00.000Z" if never else g_time(login),
            "creationTime": g_time(ago(p["created"], 3, 41)),
            "agreedToTerms": not never,
            "suspended": p["left"] and not p["archived"], "archived": p["archived"],
            "changePasswordAtNextLogin": never,
            "emails": [{"address": address, "primary": True}] + [{"address": a} for a in aliases],
            "customerId": "C0bench01", "orgUnitPath": p["ou"],
            "isEnrolledIn2Sv": tsv, "isEnforcedIn2Sv": p["ou"] != "/Support",
        }
        if aliases:
            user["aliases"] = aliases
        if p["left"] and not p["archived"]:
            user["suspensionReason"] = "ADMIN"
        if p["mailbox"] and p["local"].startswith("admin") or (i % 20000 == 7):
            user["isAdmin"] = True
            super_admins.append(uid)
        users.append(user)
    for number, page in enumerate(chunks(users, GOOGLE_PAGE), start=1):
        body = {"kind": "admin#directory#users", "users": page}
        if number * GOOGLE_PAGE < len(users):
            body["nextPageToken"] = f"page-{number + 1}"
        write_json(base / "users" / f"page-{number:05d}.json", body)
    write_json(base / "roles.json", {"kind": "admin#directory#roles", "items": [
        {"kind": "admin#directory#role", "roleId": "9170516996784129",
         "roleName": "_SEED_ADMIN_ROLE", "roleDescription": "Super Admin", "isSystemRole": True,
         "isSuperAdminRole": True, "rolePrivileges": [
             {"privilegeName": "SUPER_ADMIN", "serviceId": "00haapch16h1ysv"}]}]})
    write_json(base / "roleAssignments.json", {"kind": "admin#directory#roleAssignments", "items": [
        {"kind": "admin#directory#roleAssignment", "roleAssignmentId": str(9170516996784200 + n),
         "roleId": "9170516996784129", "assignedTo": uid, "assigneeType": "user",
         "scopeType": "CUSTOMER"} for n, uid in enumerate(super_admins)]})
    events = []
    q = 0
    for p in people:
        if p["left"] or not org.chance("login_audit"):
            continue
        at = ago(org.rng.randint(1, 25), org.rng.randint(0, 23), org.rng.randint(0, 59))
        gap = org.rng.randint(2, 9) if org.chance("concurrent") else org.rng.randint(300, 900)
        for k, (ip, t) in enumerate([(f"198.51.100.{q % 250 + 1}", at),
                                     (f"203.0.113.{q % 250 + 1}", at + timedelta(minutes=gap))]):
            q += 1
            events.append({"kind": "admin#reports#activity",
                           "id": {"time": g_time(t), "uniqueQualifier": str(-q),
                                  "applicationName": "login", "customerId": "C0bench01"},
                           "actor": {"email": email(p["local"])}, "ipAddress": ip,
                           "events": [{"type": "login", "name": "login_success", "parameters": [
                               {"name": "login_type", "value": "google_password"},
                               {"name": "login_challenge_method",
                                "multiValue": ["password", "totp"]}]}]})
    for number, page in enumerate(chunks(events, 1000), start=1):
        write_json(base / "loginActivities" / f"page-{number:05d}.json",
                   {"kind": "admin#reports#activities", "items": page})
    manifest(base)
    return len(users)


# =============================================================== AWS IAM
def doc(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


def allow(actions, resources="*"):
    return {"Effect": "Allow", "Action": actions, "Resource": resources}


AWS_MANAGED = {
    "AdministratorAccess": ("v1", doc(allow("*"))),
    "PowerUserAccess": ("v5", doc(
        {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"],
         "Resource": "*"},
        allow(["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles"]))),
    "ReadOnlyAccess": ("v112", doc(allow(["ec2:Describe*", "s3:Get*", "s3:List*", "iam:Get*",
                                          "iam:List*"]))),
}
CUSTOMER = {
    "IamKeyManager": doc(allow(["iam:CreateAccessKey", "iam:AttachUserPolicy", "iam:ListUsers"])),
    "DeployPipeline": doc(allow(["ecr:PutImage", "ecs:UpdateService", "s3:PutObject"])),
}
GROUPS = {"Admins": ["AdministratorAccess"], "Developers": ["PowerUserAccess"],
          "ReadOnly": ["ReadOnlyAccess"]}
CREDENTIAL_HEADER = [
    "user", "arn", "user_creation_time", "password_enabled", "password_last_used",
    "password_last_changed", "password_next_rotation", "mfa_active", "access_key_1_active",
    "access_key_1_last_rotated", "access_key_1_last_used_date", "access_key_1_last_used_region",
    "access_key_1_last_used_service", "access_key_2_active", "access_key_2_last_rotated",
    "access_key_2_last_used_date", "access_key_2_last_used_region",
    "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated", "cert_2_active",
    "cert_2_last_rotated"]


def policy_arn(account, name):
    return (f"arn:aws:iam::aws:policy/{name}" if name in AWS_MANAGED
            else f"arn:aws:iam::{account}:policy/{name}")


def iam_users_of(org, account_index, slots, active_people):
    """The IAM users of one account: mostly people (given.family), then the planted oddities."""
    users = []
    taken = set()
    offset = account_index * 104729
    # one account in four has more administrators than the policy allows
    admins = max(PROPORTIONS["iam_admin"], 6 / slots) if account_index % 4 == 0 else \
        PROPORTIONS["iam_admin"]
    for slot in range(slots):
        p = pick(active_people, slot, offset)
        name = p["local"]
        tags = {}
        path = "/"
        kind = "human"
        roll = org.rng.random()
        acc = 0.0
        for key, label in (("iam_unowned", "unowned"), ("iam_generic", "generic"),
                           ("iam_shared", "shared"), ("iam_second", "second"),
                           ("iam_service", "service")):
            acc += PROPORTIONS[key]
            if roll < acc:
                kind = label
                break
        if kind == "unowned":
            name = f"{org.rng.choice(UNOWNED_WORDS)}-{org.token('abcdefghjkmnpqrstuvwxyz', 6)}"
            kind = "human"
        elif kind == "generic":
            name = f"{org.rng.choice(GENERIC_NAMES)}-{slot}"
            tags["owner"] = email(p["local"])
            kind = "human"
        elif kind == "shared":
            other = pick(active_people, slot + 1, offset)
            name = f"team-{p['family'].lower()}-{slot}"
            tags["owner"] = f"{email(p['local'])}, {email(other['local'])}"
            kind = "human"
        elif kind == "second":
            # the person of the slot before: they have their own user in this account too
            p = pick(active_people, slot - 1, offset)
            name = f"{p['local']}-lab"
            tags["owner"] = email(p["local"])
            kind = "human"
        elif kind == "service":
            name = f"svc-{org.token('abcdefghjkmnpqrstuvwxyz', 5)}-{slot}"
            tags = {"kind": "service", "owner": email(p["local"])}
            path = "/service/"
        if name in taken:
            name = f"{name}-{slot}"
        taken.add(name)
        created = org.rng.randint(60, 2000)
        if kind == "service":
            password = None
            if org.chance("iam_service_console"):
                password = (org.rng.randint(1, 20), min(created, org.rng.randint(20, 80)))
            keys = [(True, min(created, org.rng.randint(10, 200)), org.rng.randint(0, 10), "s3")]
            mfa = None
        else:
            roll = org.rng.random()
            if roll < PROPORTIONS["iam_never_used"]:
                used = "never"
            elif roll < PROPORTIONS["iam_never_used"] + PROPORTIONS["iam_dormant"]:
                used = org.rng.randint(95, 400)
            else:
                used = org.rng.randint(0, 60)
            changed = min(created, org.rng.randint(100, 400) if org.chance("iam_password_old")
                          else org.rng.randint(5, 55))
            if used != "never" and used > changed:
                changed = min(created, used)
                used = changed
            password = (used, changed)
            roll = org.rng.random()
            mfa = (None if roll < PROPORTIONS["iam_no_mfa"]
                   else "fido" if roll < PROPORTIONS["iam_no_mfa"] + PROPORTIONS["iam_fido"]
                   else "hardware" if roll < (PROPORTIONS["iam_no_mfa"] + PROPORTIONS["iam_fido"]
                                              + PROPORTIONS["iam_hardware"])
                   else "virtual")
            keys = []
            if org.chance("iam_key"):
                rotated = min(created, org.rng.randint(100, 500) if org.chance("iam_key_old")
                              else org.rng.randint(5, 85))
                key_used = (min(rotated, org.rng.randint(95, 300)) if org.chance("iam_key_unused")
                            else min(rotated, org.rng.randint(0, 30)))
                keys.append((True, rotated, key_used, "ec2"))
                if org.chance("iam_two_keys"):
                    keys.append((True, min(created, 10), 2, "ec2"))
        groups = ["ReadOnly"]
        managed = []
        inline = {}
        if kind == "service":
            groups = []
            managed = ["DeployPipeline"]
        elif org.rng.random() < admins:
            groups = ["Admins"]
        elif org.rng.random() < 0.5:
            groups = ["Developers"]
        if kind != "service" and org.chance("iam_escalation"):
            managed.append("IamKeyManager")
        if kind != "service" and org.chance("iam_inline_star"):
            inline["break-glass"] = doc(allow("*"))
        if kind != "service" and org.chance("iam_temporary_expired"):
            tags["expires"] = (CAPTURED - timedelta(days=org.rng.randint(5, 60))).strftime(
                "%Y-%m-%d")
        users.append(dict(name=name, created=created, groups=groups, managed=managed,
                          inline=inline, tags=tags, path=path, password=password, mfa=mfa,
                          keys=keys))
    return users


def write_aws_account(org, root, account, index, users):
    base = root / "aws" / account
    users = sorted(users, key=lambda u: u["name"])
    ids = {u["name"]: "AIDA" + org.token(B32, 17) for u in users}

    def arn(u):
        return f"arn:aws:iam::{account}:user{u['path']}{u['name']}"

    details = []
    for u in users:
        entry = {"Path": u["path"], "UserName": u["name"], "UserId": ids[u["name"]],
                 "Arn": arn(u), "CreateDate": aws_time(ago(u["created"], 2, 17))}
        if u["inline"]:
            entry["UserPolicyList"] = [{"PolicyName": k, "PolicyDocument": v}
                                       for k, v in u["inline"].items()]
        entry["GroupList"] = u["groups"]
        entry["AttachedManagedPolicies"] = [{"PolicyName": m, "PolicyArn": policy_arn(account, m)}
                                            for m in u["managed"]]
        if u["tags"]:
            entry["Tags"] = [{"Key": k, "Value": v} for k, v in u["tags"].items()]
        details.append(entry)
    groups = [{"Path": "/", "GroupName": g, "GroupId": "AGPA" + org.token(B32, 17),
               "Arn": f"arn:aws:iam::{account}:group/{g}", "CreateDate": aws_time(ago(2100)),
               "GroupPolicyList": [],
               "AttachedManagedPolicies": [{"PolicyName": m, "PolicyArn": policy_arn(account, m)}
                                           for m in GROUPS[g]]} for g in sorted(GROUPS)]
    policies = []
    for name in sorted(list(AWS_MANAGED) + list(CUSTOMER)):
        version, document = AWS_MANAGED[name] if name in AWS_MANAGED else ("v1", CUSTOMER[name])
        policies.append({
            "PolicyName": name, "PolicyId": "ANPA" + org.token(B32, 17),
            "Arn": policy_arn(account, name), "Path": "/", "DefaultVersionId": version,
            "AttachmentCount": 1, "PermissionsBoundaryUsageCount": 0, "IsAttachable": True,
            "CreateDate": aws_time(ago(2000)), "UpdateDate": aws_time(ago(400)),
            "PolicyVersionList": [{"Document": document, "VersionId": version,
                                   "IsDefaultVersion": True, "CreateDate": aws_time(ago(400))}]})
    # A role any principal of the account may assume (its trust names the account root, with no
    # condition): permissive-role-trust. Its id comes from the account, not the random stream.
    roles = [{
        "Path": "/", "RoleName": "legacy-support", "RoleId": "AROA" + account + "LEGACY",
        "Arn": f"arn:aws:iam::{account}:role/legacy-support", "CreateDate": aws_time(ago(900)),
        "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:root"},
            "Action": "sts:AssumeRole"}]},
        "InstanceProfileList": [], "RolePolicyList": [],
        "AttachedManagedPolicies": [{"PolicyName": "ReadOnlyAccess",
                                     "PolicyArn": policy_arn(account, "ReadOnlyAccess")}],
        "Tags": [], "RoleLastUsed": {"LastUsedDate": aws_time(ago(5)), "Region": "us-east-1"}}]
    pages = chunks(details, DETAILS_PAGE)
    for number, page in enumerate(pages, start=1):
        body = {"UserDetailList": page, "GroupDetailList": groups if number == 1 else [],
                "RoleDetailList": roles if number == 1 else [],
                "Policies": policies if number == 1 else [],
                "IsTruncated": number < len(pages)}
        if number < len(pages):
            body["Marker"] = f"marker-{number + 1}"
        write_json(base / "get-account-authorization-details" / f"page-{number:04d}.json", body)

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CREDENTIAL_HEADER)
    root_mfa = index % 5 != 2  # one account in five: root without MFA
    writer.writerow(["<root_account>", f"arn:aws:iam::{account}:root", aws_time(ago(2200)),
                     "not_supported", aws_time(ago(org.rng.randint(30, 300))), "not_supported",
                     "not_supported", "true" if root_mfa else "false",
                     "false", "N/A", "N/A", "N/A", "N/A", "false", "N/A", "N/A", "N/A", "N/A",
                     "false", "N/A", "false", "N/A"])
    policy = index % 3 != 1  # one account in three: no password policy
    for u in users:
        if u["password"] is None:
            pw = ["false", "N/A", "N/A", "N/A"]
        else:
            used, changed = u["password"]
            pw = ["true", "no_information" if used == "never" else aws_time(ago(used, 1, 7)),
                  aws_time(ago(changed)), aws_time(ago(changed - 90)) if policy else "N/A"]
        cells = []
        for slot in range(2):
            if slot < len(u["keys"]):
                active, rotated, used, service = u["keys"][slot]
                cells += ["true" if active else "false", aws_time(ago(rotated, 1, 30)),
                          aws_time(ago(used, 0, 40)), "us-east-1", service]
            else:
                cells += ["false", "N/A", "N/A", "N/A", "N/A"]
        writer.writerow([u["name"], arn(u), aws_time(ago(u["created"], 2, 17))] + pw
                        + ["true" if u["mfa"] else "false"] + cells
                        + ["false", "N/A", "false", "N/A"])
    (base / "credential-report.csv").write_text(out.getvalue(), encoding="utf-8")

    virtual = []
    if root_mfa:
        virtual.append({"SerialNumber": f"arn:aws:iam::{account}:mfa/root-account-mfa-device",
                        "User": {"UserId": account, "Arn": f"arn:aws:iam::{account}:root",
                                 "CreateDate": aws_time(ago(2200))},
                        "EnableDate": aws_time(ago(2190))})
    for u in users:
        if u["mfa"] is None:
            continue
        enabled = aws_time(ago(max(u["created"] - 1, 1), 9, 5))
        if u["mfa"] == "virtual":
            virtual.append({"SerialNumber": f"arn:aws:iam::{account}:mfa/{u['name']}",
                            "User": {"Path": u["path"], "UserName": u["name"],
                                     "UserId": ids[u["name"]], "Arn": arn(u),
                                     "CreateDate": aws_time(ago(u["created"], 2, 17))},
                            "EnableDate": enabled})
        else:
            serial = (f"arn:aws:iam::{account}:u2f/user/{u['name']}/fidosecuritykey-"
                      f"{org.token(B32, 26)}" if u["mfa"] == "fido"
                      else "GAHT" + str(org.rng.randrange(10 ** 7, 10 ** 8)))
            write_json(base / "list-mfa-devices" / f"{u['name']}.json", {"MFADevices": [
                {"UserName": u["name"], "SerialNumber": serial, "EnableDate": enabled}],
                "IsTruncated": False})
    write_json(base / "list-virtual-mfa-devices.json",
               {"VirtualMFADevices": virtual, "IsTruncated": False})
    if policy:
        write_json(base / "get-account-password-policy.json", {"PasswordPolicy": {
            "MinimumPasswordLength": 14, "RequireSymbols": True, "RequireNumbers": True,
            "RequireUppercaseCharacters": True, "RequireLowercaseCharacters": True,
            "AllowUsersToChangePassword": True, "ExpirePasswords": True, "MaxPasswordAge": 90,
            "PasswordReusePrevention": 24, "HardExpiry": False}})
    else:
        # AWS's NoSuchEntity answer: no policy set (a missing file would mean "not captured").
        write_json(base / "get-account-password-policy.json", {"Error": {
            "Code": "NoSuchEntity",
            "Message": "GetAccountPasswordPolicy: the account has no password policy set (NoSuchEntity)"}})
    manifest(base)


def write_aws(org, root, people):
    active = [p for p in people if not p["mailbox"]]
    # Leavers keep about half of their accounts (access after termination); the rest were removed.
    keep = [p for p in active if not p["left"] or org.chance("leaver_keeps_access")]
    total = org.counts["iam"]
    # At most one user per person per account, so small organisations get more accounts.
    accounts = max(1, math.ceil(total / min(IAM_USERS_PER_ACCOUNT, len(keep) * 9 // 10)))
    ids = []
    for a in range(accounts):
        account = f"{300000000000 + a * 7777:012d}"
        slots = total // accounts + (1 if a < total % accounts else 0)
        write_aws_account(org, root, account, a, iam_users_of(org, a, slots, keep))
        ids.append(account)
    return ids


# =============================================================== IAM Identity Center
def write_identity_center(org, root, people, aws_accounts):
    store = "d-90bench0001"
    base = root / "aws-identity-center" / store
    arn = "arn:aws:sso:::permissionSet/ssoins-bench0000000001/"
    write_json(base / "instance.json", {"InstanceArn": "arn:aws:sso:::instance/ssoins-bench0000000001",
                                        "IdentityStoreId": store, "Status": "ACTIVE"})
    sets = {"ps-admin": ("AdministratorAccess", ["AdministratorAccess"]),
            "ps-power": ("PowerUserAccess", ["PowerUserAccess"]),
            "ps-read": ("ReadOnlyAccess", ["ReadOnlyAccess"])}
    for ps, (name, managed) in sets.items():
        write_json(base / "describe-permission-set" / f"{ps}.json", {"PermissionSet": {
            "Name": name, "PermissionSetArn": arn + ps, "SessionDuration": "PT8H"}})
        write_json(base / "list-managed-policies-in-permission-set" / ps / "page-0001.json",
                   {"AttachedManagedPolicies": [{"Name": m, "Arn": f"arn:aws:iam::aws:policy/{m}"}
                                                for m in managed]})
    active = [p for p in people if not p["mailbox"]]
    n = org.counts["identity_center"]
    users = []
    members = {"g-admins": [], "g-engineers": [], "g-readers": []}
    direct = []
    for i in range(n):
        p = pick(active, i, 1)
        uid = f"u-{i:08d}"
        disabled = org.chance("ic_disabled") or (p["left"] and not org.chance("leaver_keeps_access"))
        user = {"IdentityStoreId": store, "UserId": uid,
                "UserName": email(p["local"]) if i < len(active) else f"{p['local']}+{i}",
                "DisplayName": f"{p['given']} {p['family']}",
                "Name": {"GivenName": p["given"], "FamilyName": p["family"]},
                "Emails": [{"Value": email(p["local"]), "Type": "work", "Primary": True}]}
        if disabled:
            user["UserStatus"] = "DISABLED"
        users.append(user)
        if org.chance("ic_admin"):
            members["g-admins"].append(uid)
        elif i % 2:
            members["g-engineers"].append(uid)
        else:
            members["g-readers"].append(uid)
        if i % 997 == 5:
            direct.append(uid)
    for number, page in enumerate(chunks(users, IC_PAGE), start=1):
        write_json(base / "list-users" / f"page-{number:06d}.json", {"Users": page})
    write_json(base / "list-groups" / "page-0001.json", {"Groups": [
        {"GroupId": g, "DisplayName": g[2:], "IdentityStoreId": store} for g in members]})
    for group, uids in members.items():
        for number, page in enumerate(chunks(uids, IC_PAGE * 10), start=1):
            write_json(base / "list-group-memberships" / group / f"page-{number:05d}.json", {
                "GroupMemberships": [{"IdentityStoreId": store, "MembershipId": f"m-{group}-{u}",
                                      "GroupId": group, "MemberId": {"UserId": u}}
                                     for u in page]})
    targets = aws_accounts[:3]
    for group, ps in (("g-admins", "ps-admin"), ("g-engineers", "ps-power"),
                      ("g-readers", "ps-read")):
        write_json(base / "list-account-assignments-for-principal" / group / "page-0001.json", {
            "AccountAssignments": [{"AccountId": a, "PermissionSetArn": arn + ps,
                                    "PrincipalType": "GROUP", "PrincipalId": group}
                                   for a in targets]})
    for uid in direct:
        write_json(base / "list-account-assignments-for-principal" / uid / "page-0001.json", {
            "AccountAssignments": [{"AccountId": targets[0], "PermissionSetArn": arn + "ps-admin",
                                    "PrincipalType": "USER", "PrincipalId": uid}]})
    manifest(base)
    return n


# =============================================================== MongoDB Atlas
def write_atlas(org, root, people):
    active = [p for p in people if not p["mailbox"]]
    n_users = org.counts["atlas_org"]
    n_db = org.counts["atlas_db"]
    n_orgs = 2 if n_users >= 2 else 1
    written = []
    for o in range(n_orgs):
        org_id = f"{0x5f1a2b3c + o:08x}{o:016x}"
        base = root / "atlas" / org_id
        my_users = n_users // n_orgs + (1 if o < n_users % n_orgs else 0)
        my_db = n_db // n_orgs + (1 if o < n_db % n_orgs else 0)
        projects = [f"{0x6a1b2c3d + o * 100000 + k:08x}{k:016x}"
                    for k in range(max(1, math.ceil(my_db / DB_USERS_PER_PROJECT)))]
        write_json(base / "organization.json", {"id": org_id, "name": f"Northwind {o}",
                                                "isDeleted": False, "links": []})
        write_json(base / "settings.json", {"apiAccessListRequired": True,
                                            "multiFactorAuthRequired": o == 0,
                                            "restrictEmployeeAccess": True})
        results = []
        for i in range(my_users):
            p = pick(active, i, o * 11)
            born = ago(org.rng.randint(40, 1500), 5, 10)
            if org.chance("atlas_pending"):
                results.append({"id": org.hex_id(born),
                                "username": f"guest{i}@partner-{o}.example",
                                "orgMembershipStatus": "PENDING",
                                "roles": {"orgRoles": ["ORG_MEMBER"], "groupRoleAssignments": []},
                                "teamIds": [], "invitationCreatedAt": atlas_time(ago(10)),
                                "invitationExpiresAt": atlas_time(ago(-20)),
                                "inviterUsername": email(active[0]["local"])})
                continue
            org_roles = ["ORG_OWNER"] if org.chance("atlas_owner") else ["ORG_MEMBER"]
            project = projects[i % len(projects)]
            last = (org.rng.randint(95, 300) if org.chance("atlas_dormant")
                    else org.rng.randint(0, 40))
            user = {"id": org.hex_id(born), "username": email(p["local"]) if i < len(active)
                    else f"{p['local']}+{i}@{DOMAIN}",
                    "firstName": p["given"], "lastName": p["family"],
                    "orgMembershipStatus": "ACTIVE",
                    "roles": {"orgRoles": org_roles, "groupRoleAssignments": [
                        {"groupId": project, "groupRoles": [
                            "GROUP_DATA_ACCESS_READ_WRITE" if i % 3 else "GROUP_READ_ONLY"]}]},
                    "teamIds": [], "createdAt": atlas_time(born), "country": "US",
                    "lastAuth": atlas_time(ago(last, 2))}
            results.append(user)
        for number, page in enumerate(chunks(results, ATLAS_PAGE), start=1):
            write_json(base / "users" / f"page-{number:05d}.json",
                       {"links": [], "results": page, "totalCount": len(results)})
        write_json(base / "groups.json", {"links": [], "totalCount": len(projects), "results": [
            {"id": g, "name": f"project-{k}", "orgId": org_id, "clusterCount": 1,
             "created": atlas_time(ago(1500)), "links": []}
            for k, g in enumerate(projects)]})
        for k, group in enumerate(projects):
            start = k * DB_USERS_PER_PROJECT
            db_users = []
            for j in range(start, min(start + DB_USERS_PER_PROJECT, my_db)):
                p = pick(active, j, o)
                labels = [] if org.chance("db_unowned") else [
                    {"key": "owner", "value": email(p["local"])}]
                any_db = org.chance("db_any_database")
                user = {"databaseName": "admin", "groupId": group, "labels": labels,
                        "ldapAuthType": "NONE", "oidcAuthType": "NONE", "awsIAMType": "NONE",
                        "x509Type": "NONE",
                        "roles": [{"roleName": "readWriteAnyDatabase" if any_db else "readWrite",
                                   "databaseName": "admin" if any_db else f"app{j % 7}"}],
                        "scopes": [], "username": f"app-{j:07d}", "links": []}
                if org.chance("db_expiring"):
                    user["deleteAfterDate"] = atlas_time(ago(-org.rng.randint(1, 30)))
                db_users.append(user)
            write_json(base / "groups" / group / "databaseUsers.json",
                       {"links": [], "results": db_users, "totalCount": len(db_users)})
        manifest(base)
        written.append((org_id, my_users, my_db))
    return written


ROLLCALL_YAML = """\
# A synthetic organisation for benchmarks (scripts/benchmark/make-org.py): snapshot replayed offline.
organisation: Northwind Bench
domains: [{domain}]
profile: default
output: out
sources:
  - name: bench
    type: snapshot
    path: snapshot
correlation:
  ownerTags: [owner, email, owner_email]
"""


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=int, required=True,
                        help="about how many accounts to write, over every system (at least 100)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True,
                        help="the folder to write (snapshot/, rollcall.yaml, org.json)")
    args = parser.parse_args(argv)
    if args.accounts < 100:
        parser.error("--accounts must be at least 100")
    org = Org(args.accounts, args.seed)
    snapshot = args.out / "snapshot"
    if snapshot.exists():
        shutil.rmtree(snapshot)
    people = make_people(org)
    google = write_google(org, snapshot, people)
    aws_accounts = write_aws(org, snapshot, people)
    identity_center = write_identity_center(org, snapshot, people, aws_accounts)
    atlas = write_atlas(org, snapshot, people)
    summary = {
        "accounts": google + org.counts["iam"] + len(aws_accounts) + identity_center
        + sum(u + d for _, u, d in atlas),
        "seed": args.seed,
        "google_workspace": google,
        "aws_accounts": len(aws_accounts),
        "aws_iam": org.counts["iam"] + len(aws_accounts),
        "aws_identity_center": identity_center,
        "atlas_organisations": len(atlas),
        "atlas_org": sum(u for _, u, _ in atlas),
        "atlas_database": sum(d for _, _, d in atlas),
    }
    (args.out / "rollcall.yaml").write_text(ROLLCALL_YAML.format(domain=DOMAIN), encoding="utf-8")
    write_json(args.out / "org.json", summary)
    print(f"wrote {summary['accounts']} accounts under {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
