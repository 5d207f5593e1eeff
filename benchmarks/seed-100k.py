#!/usr/bin/env python3
"""Bulk-inserts N beneficiary files (and M support requests) for the demo association `juthuruna`
into an already migrated + demo-seeded SQLite database, in one transaction, then runs ANALYZE.
Used by benchmarks/search-100k.sh; see docs/benchmarks.md.
  seed-100k.py DB [BENEFICIARIES=100000] [REQUESTS=20000]
Deterministic (fixed random seed). Names are built from lists; SearchKey is computed by a port of
ArabicSearch.Normalize (src/Juthuruna/Common/Text/ArabicSearch.cs)."""
import random, sqlite3, sys, uuid
from datetime import datetime, timedelta, date

DB = sys.argv[1]
N = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
M = int(sys.argv[3]) if len(sys.argv) > 3 else 20_000
rnd = random.Random(2026)

def normalize(text):  # port of ArabicSearch.Normalize
    if text is None or not text.strip():
        return ""
    out, last_space = [], True
    for c in text:
        if '\u0660' <= c <= '\u0669': c = chr(ord('0') + ord(c) - 0x0660)
        elif '\u06F0' <= c <= '\u06F9': c = chr(ord('0') + ord(c) - 0x06F0)
        o = ord(c)
        if 0x064B <= o <= 0x065F or c in '\u0670\u0640\u200C\u200D\u200E\u200F':
            continue
        c = {'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ة': 'ه', 'ى': 'ي'}.get(c, c.lower())
        if c.isspace():
            if not last_space: out.append(' ')
            last_space = True
            continue
        out.append(c); last_space = False
    return ''.join(out).rstrip()

def luhn_id(body9):  # NationalId.HasValidCheckDigit: double digits at even positions from the first
    s = 0
    for i, ch in enumerate(body9):
        d = int(ch)
        if i % 2 == 0:
            d *= 2; d = d // 10 + d % 10
        s += d
    return body9 + str((10 - s % 10) % 10)

MALE = ["محمد", "أحمد", "عبدالله", "عبدالرحمن", "خالد", "فهد", "سعد", "سلطان", "فيصل", "عمر", "علي", "إبراهيم",
        "يوسف", "ماجد", "نايف", "بندر", "تركي", "سعود", "حمد", "ناصر", "عبدالعزيز", "مشعل", "راشد", "منصور",
        "صالح", "سليمان", "عادل", "وليد", "ياسر", "حسن", "طلال", "مازن", "هشام", "زياد", "بدر", "عبدالمجيد"]
FEMALE = ["فاطمة", "نورة", "سارة", "مريم", "عائشة", "هند", "ريم", "منى", "أمل", "لطيفة", "حصة", "العنود",
          "جواهر", "شهد", "رزان", "دلال", "وفاء", "أسماء", "خديجة", "هيفاء", "نوف", "لمى", "بشرى", "سلمى"]
FAMILY = ["الحربي", "الغامدي", "القحطاني", "الشهري", "المالكي", "الزهراني", "العتيبي", "الدوسري", "الشمري",
          "المطيري", "العنزي", "السبيعي", "الرشيدي", "البقمي", "الجهني", "الأحمدي", "السلمي", "الثقفي", "الهاجري",
          "العمري", "الشهراني", "القرني", "البلوي", "الفيفي", "العسيري", "الخثعمي", "اليامي", "الصاعدي",
          "الزبيدي", "الحازمي", "المحمادي", "التميمي", "الشريف", "باعشن", "بن لادن", "الكثيري", "النعمي", "الخالدي"]
DISTRICTS = ["الحمدانية", "الصفا", "الربوة", "السامر", "النسيم", "الفيصلية", "الروضة", "المروة", "البوادي", "الأجواد"]

con = sqlite3.connect(DB)
cur = con.cursor()
tenant = cur.execute("select Id from Tenants where Slug='juthuruna'").fetchone()[0]
officer = cur.execute("select Id from AspNetUsers where NormalizedEmail='OFFICER@JUTHURUNA.ORG.SA'").fetchone()[0]
services = [r[0] for r in cur.execute("select Id from SupportServices where TenantId=?", (tenant,))]
branches = [r[0] for r in cur.execute("select Id from Branches where TenantId=?", (tenant,))]
existing = cur.execute("select count(*) from Beneficiaries where TenantId=?", (tenant,)).fetchone()[0]
first_file = existing + 1
now = datetime(2026, 11, 25, 12, 0, 0)

def ts(dt):  # EF Core SQLite DateTime text, as in existing rows: 2026-11-25 21:54:00.9222545
    return dt.strftime("%Y-%m-%d %H:%M:%S.%f") + "0"

cur.execute("BEGIN")
bene_ids = []
rows = []
for i in range(N):
    n = first_file + i
    male = rnd.random() < 0.6
    first = rnd.choice(MALE if male else FEMALE)
    father, grand = rnd.choice(MALE), rnd.choice(MALE)
    family = rnd.choice(FAMILY)
    full = f"{first} {father} {grand} {family}"
    bid = str(uuid.UUID(int=rnd.getrandbits(128), version=4)).upper()
    bene_ids.append(bid)
    created = now - timedelta(minutes=(N - i) * 7)  # files created in file-number order, ~1.3 years
    birth = date(1940, 1, 1) + timedelta(days=rnd.randrange(0, 365 * 65))
    rows.append((
        bid, tenant, f"B-{n:06d}", 1, luhn_id("1" + f"{50_000_000 + i:08d}"),
        first, father, grand, family, None, 1 if male else 2, birth.isoformat(), "سعودي", rnd.randint(1, 4),
        f"+96656{i:07d}", None, str(rnd.randint(1000, 9999)), "شارع الأمير سلطان", rnd.choice(DISTRICTS), "جدة",
        "23431", str(rnd.randint(1000, 9999)), rnd.randint(1, 6), rnd.randint(1, 5), None, None,
        normalize(full), str(uuid.UUID(int=rnd.getrandbits(128), version=4)).upper(), ts(created), ts(created)))
cur.executemany("insert into Beneficiaries (Id, TenantId, FileNumber, IdentityType, IdentityNumber, FirstName, FatherName, "
                "GrandfatherName, FamilyName, NameEn, Gender, BirthDate, Nationality, MaritalStatus, Mobile, Email, "
                "AddressBuildingNumber, AddressStreet, AddressDistrict, AddressCity, AddressPostalCode, AddressAdditionalNumber, "
                "EmploymentStatus, HousingType, HealthNotes, Notes, SearchKey, Version, CreatedAtUtc, UpdatedAtUtc) "
                "values (" + ",".join("?" * 30) + ")", rows)
cur.execute("update TenantCounters set Value = ? where TenantId = ? and Name = 'BeneficiaryFile'", (existing + N, tenant))

# Requests: states spread over the whole workflow (about 60 % open), on random files.
reqs = []
for j in range(M):
    state = rnd.choices(range(0, 11), weights=[8, 8, 6, 10, 10, 8, 10, 10, 10, 10, 10])[0]
    created = now - timedelta(minutes=rnd.randrange(0, 60 * 24 * 400))
    d = created.date()
    submitted = (d + timedelta(days=1)).isoformat() if state >= 1 else None
    verified = (d + timedelta(days=3)).isoformat() if state >= 3 else None
    due = (d + timedelta(days=17)).isoformat() if state >= 3 else None
    reqs.append((str(uuid.UUID(int=rnd.getrandbits(128), version=4)).upper(), tenant, f"JTH-1447-{j + 1:06d}", 1447,
                 rnd.choice(bene_ids), rnd.choice(services), rnd.choice(branches + [None]), rnd.randint(1, 4),
                 "طلب دعم (بيانات قياس الأداء)", rnd.choice([None, 35000, 150000]), state, submitted, verified, due,
                 officer, ts(created), ts(created), str(uuid.UUID(int=rnd.getrandbits(128), version=4)).upper(),
                 str(uuid.UUID(int=rnd.getrandbits(128), version=4)).upper()))
cur.executemany("insert into SupportRequests (Id, TenantId, Number, HijriYear, BeneficiaryId, ServiceId, BranchId, Channel, "
                "Description, AmountRequestedHalalas, State, SubmittedOn, VerifiedOn, DecisionDueOn, CreatedBy, CreatedAtUtc, "
                "UpdatedAtUtc, IdempotencyKey, Version) values (" + ",".join("?" * 19) + ")", reqs)
con.commit()
cur.execute("ANALYZE")
con.commit()
print(f"inserted {N} beneficiaries (B-{first_file:06d}..B-{existing + N:06d}) and {M} requests for tenant {tenant}")
print("beneficiaries per tenant:", cur.execute("select TenantId, count(*) from Beneficiaries group by 1").fetchall())
con.close()
