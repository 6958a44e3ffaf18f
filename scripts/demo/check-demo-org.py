#!/usr/bin/env python3
"""Checks the bundled demo organisation and re-derives its findings from the files alone.

Reads examples/demo/ (the snapshot in the vendors' shapes, mapping.csv, rollcall.yaml's domains)
without looking at the generator, applies the semantics of the rules in CHECKED_RULES with the
default profile's thresholds, and compares the result to those rules' lines of
expected-findings.csv (the other rules are held to it by the golden test and their own tests). Also checks that every JSON file
parses, every CSV row has the header's columns, every tenant has its capture manifest, no date
lies after the capture except those that are future by nature, and no AWS access key id appears.

    python3 scripts/demo/check-demo-org.py        # exit 0 when all holds, 1 otherwise

Python 3 standard library only. The semantics are written down in examples/demo/PLANTED.md.
"""
import csv
import fnmatch
import json
import re
import sys
import urllib.parse
from datetime import datetime, timezone
from pathlib import Path

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"
SNAPSHOT = DEMO / "snapshot"
CAPTURED = datetime(2026, 11, 20, 6, 0, 0, tzinfo=timezone.utc)
DORMANT_DAYS = 90
NEVER_USED_GRACE_DAYS = 30
# The rules this script re-derives on its own. The other rules of the catalogue are held to
# expected-findings.csv by the golden test (DemoOrganisationTest) and by their own table tests.
CHECKED_RULES = {
    "dormant-account", "never-used-account", "generic-account-name",
    "interactive-login-without-mfa", "over-privileged", "access-after-termination",
    "unowned-account", "shared-account", "password-policy-weaker-than-policy",
    "organisation-mfa-not-required", "too-many-admins", "permissive-role-trust"}
PRIVILEGE_WORDS = {"admin", "administrator", "sysadmin", "root", "superuser", "su", "dba", "poweruser"}
GENERIC_WORDS = {"test", "testing", "temp", "tmp", "shared", "team", "group", "info", "support",
                 "helpdesk", "ops", "devops", "office", "it", "noreply", "no", "reply", "user",
                 "guest", "demo", "training", "dev", "developer"}
OWNER_TAGS = {"owner", "email", "owner_email"}
# password-policy-weaker-than-policy and too-many-admins in the default profile
PASSWORD_MIN_LENGTH, PASSWORD_CLASSES, PASSWORD_MAX_AGE, PASSWORD_REUSE = 8, 3, 90, 6
MAX_ADMINS = 4
# Dates that are in the future by nature.
FUTURE_OK = {"deleteAfterDate", "invitationExpiresAt", "password_next_rotation"}
ESCALATION_ACTIONS = {
    "iam:createpolicyversion", "iam:setdefaultpolicyversion", "iam:attachuserpolicy",
    "iam:attachgrouppolicy", "iam:attachrolepolicy", "iam:putuserpolicy", "iam:putgrouppolicy",
    "iam:putrolepolicy", "iam:addusertogroup", "iam:createaccesskey", "iam:createloginprofile",
    "iam:updateloginprofile", "iam:updateassumerolepolicy", "iam:passrole", "iam:createuser",
    "iam:createrole"}
GOOGLE_ESCALATION = {"USERS_ALL", "USERS_CREATE", "USERS_UPDATE", "USERS_ALIAS",
                     "USERS_RESET_PASSWORD", "USER_SECURITY_ALL", "SECURITY_SETTINGS"}
ATLAS_ADMIN = {"ORG_OWNER", "GROUP_OWNER", "atlasAdmin"}
ATLAS_ESCALATION = {"GROUP_DATA_ACCESS_ADMIN", "GROUP_USER_ADMIN", "GROUP_DATABASE_ACCESS_ADMIN",
                    "userAdmin", "userAdminAnyDatabase"}

problems = []


def problem(text):
    problems.append(text)


def parse_time(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def whole_days(t):
    return (CAPTURED - t).days


def load_json(path):
    try:
        return json.loads(path.read_text())
    except ValueError as e:
        problem(f"{path}: not JSON: {e}")
        return {}


def walk_dates(node, path, where=""):
    """Flags ISO times after the capture, except in fields that are future by nature."""
    if isinstance(node, dict):
        for k, v in node.items():
            walk_dates(v, path, k)
    elif isinstance(node, list):
        for v in node:
            walk_dates(v, path, where)
    elif isinstance(node, str) and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", node):
        if parse_time(node) > CAPTURED and where not in FUTURE_OK:
            problem(f"{path}: {where}={node} is after the capture time")


# ------------------------------------------------------------------ file-level checks
def check_files():
    for path in sorted(DEMO.rglob("*")):
        if path.suffix == ".json":
            walk_dates(load_json(path), path.relative_to(DEMO))
        if path.suffix == ".csv":
            rows = [r for r in csv.reader(l for l in path.read_text().splitlines()
                                          if not l.startswith("#"))]
            widths = {len(r) for r in rows if r}
            if len(widths) != 1:
                problem(f"{path}: rows have {sorted(widths)} columns")
            if path.name == "credential-report.csv":
                header = rows[0]
                for r in rows[1:]:
                    for column, value in zip(header, r):
                        if re.fullmatch(r"\d{4}-.*", value) and parse_time(value) > CAPTURED \
                                and column not in FUTURE_OK:
                            problem(f"{path}: {r[0]} {column}={value} is after the capture time")
        if path.is_file() and re.search(r"\b(AKIA|ASIA)[A-Z0-9]{16}\b", path.read_text()):
            problem(f"{path}: holds something shaped like an AWS access key id")
    for system in ("aws", "google", "atlas"):
        for tenant in sorted((SNAPSHOT / system).iterdir()):
            m = tenant / "rollcall-snapshot.json"
            if not m.is_file() or load_json(m) != {"capturedAt": "2026-11-20T06:00:00Z"}:
                problem(f"{m}: missing or not the capture time")


# ------------------------------------------------------------------ accounts
class Account:
    def __init__(self, system, tenant, name, **facts):
        self.system, self.tenant, self.name = system, tenant, name
        self.active = facts.get("active", True)
        self.last_use = facts.get("last_use")      # datetime, "never" or None (unknown)
        self.created = facts.get("created")
        self.interactive = facts.get("interactive", False)
        self.mfa = facts.get("mfa")                # True, False or None (unknown)
        self.privileged = facts.get("privileged", [])
        self.tags = facts.get("tags", {})
        self.emails = facts.get("emails", [])
        self.service = facts.get("service", False)
        self.own_names = facts.get("own_names", set())
        self.is_root = facts.get("is_root", False)
        self.person = facts.get("person")          # Google: the person this account is
        self.is_role = facts.get("is_role", False)  # an AWS IAM role
        self.trust = facts.get("trust", [])        # a role's trust statements that assume it
        self.assumers = facts.get("assumers", [])  # (system, tenant, name) of who may assume it
        self.owners = []
        self.owners_by_assuming = False            # every owner comes from assuming the role


def policy_document(value):
    if isinstance(value, dict):
        return value
    return json.loads(urllib.parse.unquote(value))


def as_list(v):
    return [] if v is None else v if isinstance(v, list) else [v]


def policy_level(document):
    """'admin', 'escalation' or None (read/write) for one policy document."""
    level = None
    for st in as_list(document.get("Statement")):
        if st.get("Effect") != "Allow":
            continue
        every_resource = "*" in as_list(st.get("Resource"))
        if "NotAction" in st:
            if every_resource and not any(a.lower().startswith("iam:") or a == "*"
                                          for a in as_list(st["NotAction"])):
                return "admin"
            continue
        for action in as_list(st.get("Action")):
            a = action.lower()
            if a in ("*", "*:*"):
                if every_resource:
                    return "admin"
                level = "escalation"
            elif a.startswith("iam:") and any(re.fullmatch(re.escape(a).replace(r"\*", ".*"), e)
                                              for e in ESCALATION_ACTIONS):
                level = "escalation"
    return level


def aws_accounts():
    accounts = []
    for tenant_dir in sorted((SNAPSHOT / "aws").iterdir()):
        tenant = tenant_dir.name
        details = load_json(tenant_dir / "get-account-authorization-details.json")
        policies = {}
        documents = {}
        for p in details["Policies"]:
            default = next(v for v in p["PolicyVersionList"] if v["IsDefaultVersion"])
            documents[p["Arn"]] = policy_document(default["Document"])
            policies[p["Arn"]] = (p["PolicyName"], policy_level(documents[p["Arn"]]))
        groups = {}
        group_docs = {}
        for g in details["GroupDetailList"]:
            grants = [policies[a["PolicyArn"]] for a in g["AttachedManagedPolicies"]]
            grants += [(i["PolicyName"], policy_level(policy_document(i["PolicyDocument"])))
                       for i in g.get("GroupPolicyList", [])]
            groups[g["GroupName"]] = grants
            group_docs[g["GroupName"]] = [documents[a["PolicyArn"]] for a in g["AttachedManagedPolicies"]] + \
                [policy_document(i["PolicyDocument"]) for i in g.get("GroupPolicyList", [])]
        principals = {}  # ARN -> (account, identity documents)
        users = {u["UserName"]: u for u in details["UserDetailList"]}
        with open(tenant_dir / "credential-report.csv", newline="") as f:
            rows = list(csv.DictReader(f))
        for row in rows:
            def t(column):
                v = row[column]
                return None if v in ("N/A", "not_supported", "no_information", "") else parse_time(v)

            def yes(column):
                return row[column].lower() == "true"
            uses = [x for x in (t("password_last_used"), t("access_key_1_last_used_date"),
                                t("access_key_2_last_used_date")) if x]
            last_use = max(uses) if uses else "never"
            created = t("user_creation_time")
            if row["user"] == "<root_account>":
                accounts.append(Account("aws_iam", tenant, "root", last_use=last_use,
                                        created=created, interactive=True, mfa=yes("mfa_active"),
                                        privileged=[("root user", "admin")], is_root=True))
                continue
            u = users[row["user"]]
            tags = {x["Key"]: x["Value"] for x in u.get("Tags", [])}
            grants = [policies[a["PolicyArn"]] for a in u["AttachedManagedPolicies"]]
            grants += [(i["PolicyName"], policy_level(policy_document(i["PolicyDocument"])))
                       for i in u.get("UserPolicyList", [])]
            for g in u["GroupList"]:
                grants += groups[g]
            password = yes("password_enabled")
            keys = yes("access_key_1_active") or yes("access_key_2_active")
            service = tags.get("kind") == "service" or u["Path"].startswith("/service") \
                or (not password and keys)
            account = Account(
                "aws_iam", tenant, row["user"], last_use=last_use, created=created,
                interactive=password, mfa=yes("mfa_active"),
                privileged=[g for g in grants if g[1]], tags=tags, service=service,
                emails=[row["user"].lower()] if "@" in row["user"] else [])
            accounts.append(account)
            docs = [documents[a["PolicyArn"]] for a in u["AttachedManagedPolicies"]]
            docs += [policy_document(i["PolicyDocument"]) for i in u.get("UserPolicyList", [])]
            for g in u["GroupList"]:
                docs += group_docs[g]
            principals[u["Arn"]] = (account, docs)
        accounts += aws_roles(tenant, details, documents, policies, principals)
    return accounts


def matches(patterns, value):
    return any(fnmatch.fnmatchcase(value.lower(), p.lower()) for p in as_list(patterns))


def allows(docs, action, resource):
    """AWS's identity-policy logic for one concrete request: an Allow and no Deny."""
    allowed = False
    for d in docs:
        for st in as_list(d.get("Statement")):
            acts = ("NotAction" not in st and matches(st.get("Action"), action)) or \
                ("NotAction" in st and not matches(st["NotAction"], action))
            res = ("NotResource" not in st and matches(st.get("Resource", "*"), resource)) or \
                ("NotResource" in st and not matches(st["NotResource"], resource))
            if acts and res:
                if st.get("Effect") == "Deny":
                    return False
                allowed = True
    return allowed


def aws_roles(tenant, details, documents, policies, principals):
    """Every role but the service-linked ones, who may assume it, and what chains of roles give
    the users and roles that can assume them (the shortest chain to an admin role counts)."""
    roles = []
    for r in details["RoleDetailList"]:
        if r["Path"].startswith("/aws-service-role/"):
            continue
        trust = [st for st in as_list(policy_document(r["AssumeRolePolicyDocument"]).get("Statement"))
                 if st.get("Effect") == "Allow" and matches(st.get("Action"), "sts:AssumeRole")]
        own = [policies[a["PolicyArn"]] for a in r["AttachedManagedPolicies"]]
        own += [(i["PolicyName"], policy_level(policy_document(i["PolicyDocument"])))
                for i in r.get("RolePolicyList", [])]
        docs = [documents[a["PolicyArn"]] for a in r["AttachedManagedPolicies"]]
        docs += [policy_document(i["PolicyDocument"]) for i in r.get("RolePolicyList", [])]
        used = r.get("RoleLastUsed", {}).get("LastUsedDate")
        created = parse_time(r["CreateDate"])
        account = Account(
            "aws_iam", tenant, r["RoleName"], created=created,
            last_use=parse_time(used) if used else ("never" if whole_days(created) <= 400 else None),
            privileged=[g for g in own if g[1]],
            tags={x["Key"]: x["Value"] for x in r.get("Tags", [])}, is_role=True, trust=trust,
            service=bool(trust) and all(set(st.get("Principal", {})) == {"Service"} for st in trust))
        roles.append(account)
        principals[r["Arn"]] = (account, docs)
    arns = {a.name: arn for arn, (a, _) in principals.items() if a.is_role}

    def can_assume(who_arn, role):
        """Named by ARN (enough in the same account), or through the account or everyone when
        the principal's own policies allow it; statements with conditions are left out."""
        _, docs = principals[who_arn]
        for st in role.trust:
            if "Condition" in st:
                continue
            aws = as_list(st.get("Principal", {}).get("AWS")) if isinstance(st.get("Principal"), dict) \
                else as_list(st.get("Principal"))
            if who_arn in aws:
                return True
            if any(p in (tenant, f"arn:aws:iam::{tenant}:root", "*") for p in aws) \
                    and allows(docs, "sts:AssumeRole", arns[role.name]):
                return True
        return False

    edges = {arn: [r for r in roles if arns[r.name] != arn and can_assume(arn, r)]
             for arn in principals}
    for role in roles:
        role.assumers = [("aws_iam", tenant, a.name) for arn, (a, _) in principals.items()
                         if role in edges[arn]]
    for arn, (who, _) in principals.items():
        seen, frontier = set(), list(edges[arn])
        while frontier:
            role = frontier.pop(0)
            if role.name in seen or arns[role.name] == arn:
                continue
            seen.add(role.name)
            if any(level == "admin" for _, level in role.privileged if not _.startswith("via ")):
                if not any(level == "admin" for _, level in who.privileged):
                    who.privileged.append((f"via {role.name}", "admin"))
                continue  # an administrator's further roles add nothing
            frontier += edges[arns[role.name]]
    return roles


def google_accounts(people):
    accounts = []
    for tenant_dir in sorted((SNAPSHOT / "google").iterdir()):
        roles = {r["roleId"]: r for r in load_json(tenant_dir / "roles.json")["items"]}
        held = {}
        for a in load_json(tenant_dir / "roleAssignments.json")["items"]:
            held.setdefault(a["assignedTo"], []).append(roles[a["roleId"]])
        for page in sorted((tenant_dir / "users").glob("*.json")):
            for u in load_json(page)["users"]:
                login = u["lastLoginTime"]
                left = u["suspended"] or u["archived"] or "deletionTime" in u
                emails = {u["primaryEmail"].lower()} | {e["address"].lower() for e in u["emails"]} \
                    | {a.lower() for a in u.get("aliases", []) + u.get("nonEditableAliases", [])}
                name = u["name"]
                person = dict(id=u["primaryEmail"], left=left, emails=emails,
                              created=parse_time(u["creationTime"]),
                              names={name["givenName"].lower(), name["familyName"].lower()})
                people.append(person)
                privileged = []
                if u["isAdmin"]:
                    privileged.append(("super admin", "admin"))
                for role in held.get(u["id"], []):
                    if role["isSuperAdminRole"]:
                        privileged.append((role["roleName"], "admin"))
                    elif any(p["privilegeName"] in GOOGLE_ESCALATION for p in role["rolePrivileges"]):
                        privileged.append((role["roleName"], "escalation"))
                accounts.append(Account(
                    "google_workspace", tenant_dir.name, u["primaryEmail"], active=not left,
                    last_use="never" if login.startswith("1970-01-01") else parse_time(login),
                    created=parse_time(u["creationTime"]), interactive=True,
                    mfa=u.get("isEnrolledIn2Sv"), privileged=privileged, person=person,
                    own_names=person["names"], service="service" in u.get("orgUnitPath", "").lower()))
    return accounts


def atlas_accounts():
    accounts = []
    for tenant_dir in sorted((SNAPSHOT / "atlas").iterdir()):
        for page in sorted((tenant_dir / "users").glob("*.json")):
            for u in load_json(page)["results"]:
                roles = u["roles"]["orgRoles"] + [r for g in u["roles"]["groupRoleAssignments"]
                                                  for r in g["groupRoles"]]
                privileged = [(r, "admin") for r in roles if r in ATLAS_ADMIN] + \
                    [(r, "escalation") for r in roles if r in ATLAS_ESCALATION]
                created = u.get("createdAt") or u.get("invitationCreatedAt")
                accounts.append(Account(
                    "atlas_org", tenant_dir.name, u["username"],
                    active=u["orgMembershipStatus"] in ("ACTIVE", "PENDING"),
                    last_use=parse_time(u["lastAuth"]) if "lastAuth" in u else "never",
                    created=parse_time(created) if created else None, interactive=True, mfa=None,
                    privileged=privileged,
                    emails=[u["username"].lower()] if "@" in u["username"] else [],
                    own_names={x.lower() for x in (u.get("firstName"), u.get("lastName")) if x}))
        for group_dir in sorted((tenant_dir / "groups").iterdir()):
            for u in load_json(group_dir / "databaseUsers.json")["results"]:
                labels = {x["key"]: x["value"] for x in u.get("labels", [])}
                privileged = []
                for r in u["roles"]:
                    if r["roleName"] in ATLAS_ADMIN:
                        privileged.append((r["roleName"], "admin"))
                    elif r["roleName"] in ATLAS_ESCALATION:
                        privileged.append((r["roleName"], "escalation"))
                    elif "AnyDatabase" in r["roleName"]:
                        privileged.append((r["roleName"], "any database"))
                service = labels.get("kind") == "service" or u.get("x509Type", "NONE") != "NONE" \
                    or u.get("awsIAMType") == "ROLE"
                accounts.append(Account(
                    "atlas_database", group_dir.name, u["username"], last_use=None,
                    privileged=privileged, tags=labels, service=service,
                    emails=[u["username"].lower()] if "@" in u["username"] else []))
    return accounts


# ------------------------------------------------------------------ correlation
def correlate(accounts, people, mapping, domains):
    by_address = {}
    for p in people:
        for e in p["emails"]:
            by_address.setdefault(e, p)

    def resolve(addresses):
        return list({by_address[a]["id"]: by_address[a] for a in addresses if a in by_address}.values())

    for a in accounts:
        if a.person:
            a.owners = [a.person]
            continue
        native = "root" if a.is_root else a.name
        tiers = [
            [p for (s, t, acct), ps in mapping.items() if (s, t, acct) == (a.system, a.tenant, native.lower())
             for p in ps],
            [x.strip().lower() for k, v in a.tags.items() if k.lower() in OWNER_TAGS
             for x in re.split(r"[,;\s]+", v) if x.strip()],
            [a.name.lower()] + a.emails if "@" in a.name else a.emails,
            [] if "@" in a.name else [f"{a.name.lower()}@{d}" for d in domains],
        ]
        for addresses in tiers:
            owners = resolve(addresses)
            if owners:
                a.owners = owners
                break
    # A role is owned by the owners of the users and roles that may assume it, through chains.
    by_key = {(a.system, a.tenant, a.name): a for a in accounts}
    roles = [a for a in accounts if a.is_role]
    for a in roles:
        a.owners_by_assuming = not a.owners
    changed = True
    while changed:
        changed = False
        for a in roles:
            ids = {o["id"] for o in a.owners}
            for key in a.assumers:
                for o in by_key[key].owners:
                    if o["id"] not in ids:
                        a.owners.append(o)
                        ids.add(o["id"])
                        changed = True


# ------------------------------------------------------------------ rules
def tokens(text):
    return [t for t in re.split(r"[^a-z]+", text.lower()) if t]


def findings(accounts):
    found = set()
    for a in accounts:
        if not a.active:
            continue
        key = (a.system, a.tenant, a.name)
        # dormant-account
        if isinstance(a.last_use, datetime) and whole_days(a.last_use) > DORMANT_DAYS:
            found.add(("dormant-account",) + key)
        # never-used-account (dormant-account leaves never-used accounts to it)
        if a.last_use == "never" and a.created and whole_days(a.created) > NEVER_USED_GRACE_DAYS \
                and not a.is_root:
            found.add(("never-used-account",) + key)
        # interactive-login-without-mfa
        if a.interactive and a.mfa is False:
            found.add(("interactive-login-without-mfa",) + key)
        # permissive-role-trust: the account root or everyone, with no condition
        if a.is_role and any(
                "Condition" not in st and (st.get("Principal") == "*" or any(
                    p in (a.tenant, f"arn:aws:iam::{a.tenant}:root", "*")
                    for p in as_list((st.get("Principal") or {}).get("AWS"))))
                for st in a.trust):
            found.add(("permissive-role-trust",) + key)
        # generic-account-name (roles are named for what they do)
        if not a.is_root and not a.is_role:
            names = set(a.own_names)
            for o in a.owners:
                names |= o["names"]
            remaining = [t for t in tokens(a.name.split("@")[0]) if t not in names]
            if any(t in PRIVILEGE_WORDS for t in remaining) or (
                    remaining and not a.service and all(t in GENERIC_WORDS for t in remaining)):
                found.add(("generic-account-name",) + key)
        # over-privileged (the root user's power cannot be reduced; other rules judge it)
        if a.privileged and not a.is_root:
            found.add(("over-privileged",) + key)
        # ownership
        # ownership: a role's trust says who may assume it, and its owners are those people
        if a.system != "google_workspace":
            if not a.owners and not (a.is_role and a.trust):
                found.add(("unowned-account",) + key)
            elif a.owners and all(o["left"] for o in a.owners) and not a.owners_by_assuming:
                found.add(("access-after-termination",) + key)
        if len(a.owners) > 1 and not a.is_role:
            found.add(("shared-account",) + key)
    return found


def tenant_findings(accounts):
    """The findings about tenants themselves: settings, and counts over their accounts."""
    found = set()
    for folder in sorted((SNAPSHOT / "aws").iterdir()):
        name = f"AWS account {folder.name}"
        path = folder / "get-account-password-policy.json"
        if not path.exists():
            continue  # not captured: nothing is said about it
        answer = load_json(path)
        if answer.get("Error", {}).get("Code") == "NoSuchEntity":
            found.add(("password-policy-weaker-than-policy", "aws_iam", folder.name, name))
            continue
        policy = answer["PasswordPolicy"]
        classes = sum(bool(policy.get(k)) for k in (
            "RequireSymbols", "RequireNumbers", "RequireUppercaseCharacters",
            "RequireLowercaseCharacters"))
        expires = policy.get("ExpirePasswords") and policy.get("MaxPasswordAge")
        if (policy.get("MinimumPasswordLength", 8) < PASSWORD_MIN_LENGTH
                or classes < PASSWORD_CLASSES
                or not expires or policy["MaxPasswordAge"] > PASSWORD_MAX_AGE
                or policy.get("PasswordReusePrevention", 0) < PASSWORD_REUSE):
            found.add(("password-policy-weaker-than-policy", "aws_iam", folder.name, name))
    for folder in sorted((SNAPSHOT / "atlas").iterdir()):
        if load_json(folder / "settings.json").get("multiFactorAuthRequired") is False:
            found.add(("organisation-mfa-not-required", "atlas_org", folder.name,
                       f"Atlas organisation {folder.name}"))
    admins = {}
    for a in accounts:
        # Roles are not counted: the people who reach them are, through their own accounts.
        if a.active and not a.is_root and not a.is_role \
                and any(level == "admin" for _, level in a.privileged):
            admins.setdefault((a.system, a.tenant), []).append(a.name)
    labels = {"aws_iam": "AWS account", "google_workspace": "Google Workspace",
              "atlas_org": "Atlas organisation", "atlas_database": "Atlas project"}
    for (system, tenant), names in admins.items():
        if len(names) > MAX_ADMINS:
            found.add(("too-many-admins", system, tenant, f"{labels[system]} {tenant}"))
    return found


def main():
    check_files()
    config = (DEMO / "rollcall.yaml").read_text()
    domains = [d.strip() for d in re.search(r"domains:\s*\[(.*)\]", config).group(1).split(",")]
    mapping = {}
    with open(DEMO / "mapping.csv", newline="") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            k = (row["system"], row["tenant"], row["account"].lower())
            mapping.setdefault(k, []).append(row["person"].lower())
    people = []
    accounts = google_accounts(people) + aws_accounts() + atlas_accounts()
    correlate(accounts, people, mapping, domains)
    for a in accounts:
        where = f"{a.system} {a.tenant} {a.name}"
        if isinstance(a.last_use, datetime) and a.created and a.last_use < a.created:
            problem(f"{where}: last used before it was created")
        # A person's own login cannot predate them; root and service accounts change hands.
        for o in [] if a.is_root or a.service or a.is_role else a.owners:
            if a.created and a.created < o["created"]:
                problem(f"{where}: created before its owner {o['id']} joined")
    derived = {",".join(f) for f in findings(accounts) | tenant_findings(accounts)}
    lines = (DEMO / "expected-findings.csv").read_text().splitlines()
    if lines[0] != "rule_id,system,tenant,account_name":
        problem("expected-findings.csv: wrong header")
    if lines[1:] != sorted(lines[1:]):
        problem("expected-findings.csv: not sorted")
    expected = {line for line in lines[1:] if line.split(",")[0] in CHECKED_RULES}
    unchecked = sorted({line.split(",")[0] for line in lines[1:]} - CHECKED_RULES)
    for f in sorted(expected - derived):
        problem(f"expected but not derived: {f}")
    for f in sorted(derived - expected):
        problem(f"derived but not expected: {f}")
    systems = {}
    for a in accounts:
        systems[a.system] = systems.get(a.system, 0) + 1
    print(f"people in the directory: {len(people)}; accounts: {systems}; "
          f"findings derived: {len(derived)}, expected: {len(expected)} "
          f"(of {len(lines) - 1}; not re-derived here: {', '.join(unchecked)})")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
