#!/usr/bin/env python3
"""Fills an already migrated + demo-seeded SQLite database with years of realistic work for the demo association
`juthuruna` (and a little for `albirr`, so tenant filters have something to filter), for the page benchmarks of
issue 13 (benchmarks/pages.sh, docs/benchmarks.md).

  generate.py DB [--files 100000] [--requests 1000000] [--seed 2026] [--now 2026-12-07T00:00:00]

Start the app once on an empty data directory (it migrates and seeds the demo), stop it, then run this on its
database file. Deterministic: the same seed, sizes and --now give the same rows (ids included).

What is written, shaped like the app writes it (GUIDs as upper-case TEXT, version-7-like and time-ordered; DateTime
as "yyyy-MM-dd HH:mm:ss" UTC, DateOnly as "yyyy-MM-dd", enums as integers except AuditEntries.Action as its name,
id lists as JSON arrays, audit entity ids in lower case):
  files with household members and incomes; requests over five Hijri years (1444-1448) numbered per Hijri year, each
  with the rows its state implies: history, declaration, document checks, referrals, research report, agenda item in
  a committee session (attendees, votes, tally, decision), registration (beneficiary number), deliveries, letters
  (+ verification rows; a tiny placeholder PDF for the last 30 days only), notifications (mostly read), contacts on
  the eight channels, survey invitations and answers, suggestions/complaints with their events, audit entries
  (created, transitions, views). Counters are set after the generated numbers so the app keeps numbering.
Every search/derived column is computed in ONE place: `derived_rows()` (extend it for new derived tables).
Secondary indexes of the loaded tables are dropped during the load and recreated exactly from sqlite_master, then
ANALYZE runs (the app's real databases have statistics)."""
import argparse, base64, bisect, json, random, sqlite3, sys, time
from datetime import date, datetime, timedelta, timezone

p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
p.add_argument("db")
p.add_argument("--files", type=int, default=100_000)
p.add_argument("--requests", type=int, default=1_000_000)
p.add_argument("--seed", type=int, default=2026)
p.add_argument("--now", default="2026-12-07T00:00:00", help="the day the data ends (UTC); default fixed for determinism")
p.add_argument("--items-per-session", type=int, default=120, help="agenda items per committee session (more sessions per day if needed)")
p.add_argument("--chunk", type=int, default=20_000, help="requests per insert transaction")
args = p.parse_args()

T0 = time.time()
rnd = random.Random(args.seed)
NOW = datetime.fromisoformat(args.now).replace(tzinfo=timezone.utc)
NOW_S = int(NOW.timestamp())
TODAY = NOW.date()
DAY = 86400


def log(msg):
    print(f"[{time.time() - T0:7.1f}s] {msg}", flush=True)


# ---------------------------------------------------------------------------------------------------------- formats
EPOCH_DAY = date(1970, 1, 1).toordinal()
_DAYS = {}


def dstr(s):  # DateOnly of an epoch second: "yyyy-MM-dd"
    d = s // DAY
    v = _DAYS.get(d)
    if v is None:
        v = _DAYS[d] = date.fromordinal(EPOCH_DAY + d).isoformat()
    return v


def ts(s):  # EF Core's SQLite DateTime text ("yyyy-MM-dd HH:mm:ss.FFFFFFF"; whole seconds here, so no fraction)
    r = s % DAY
    return "%s %02d:%02d:%02d" % (dstr(s), r // 3600, r // 60 % 60, r % 60)


def dd(s):  # epoch second -> date
    return date.fromordinal(EPOCH_DAY + s // DAY)


_gid = [0]


def gid(s):
    """A version-7-like GUID for a row created at epoch second s: 48-bit ms time, random bits, then a global
    sequence in the last 12 hex digits, so ids are unique, deterministic and roughly time-ordered like the app's."""
    n = _gid[0] = _gid[0] + 1
    ms = s * 1000 + n % 1000
    h = (n * 2654435761) & 0xFFFFFFF  # spread bits (deterministic), in place of the random ones
    return "%08X-%04X-7%03X-%04X-%012X" % (ms >> 16, ms & 0xFFFF, h >> 16, 0x8000 | (h & 0x3FFF), n)


def uid():  # a random (v4-like) GUID: Version, IdempotencyKey
    n = _gid[0] = _gid[0] + 1
    r = rnd.getrandbits(60)
    return "%08X-%04X-4%03X-A%03X-%012X" % (r >> 28, (r >> 12) & 0xFFFF, r & 0xFFF, n & 0xFFF, n)


# Umm al-Qura: 1 Muharram of each Hijri year (only the year is needed: numbering restarts each Hijri year).
HIJRI_YEAR_STARTS = [(1443, date(2021, 8, 9)), (1444, date(2022, 7, 30)), (1445, date(2023, 7, 19)),
                     (1446, date(2024, 7, 7)), (1447, date(2025, 6, 26)), (1448, date(2026, 6, 16)),
                     (1449, date(2027, 6, 6))]
_HY_ORD = [d.toordinal() for _, d in HIJRI_YEAR_STARTS]


def hijri_year(s):
    return HIJRI_YEAR_STARTS[bisect.bisect_right(_HY_ORD, EPOCH_DAY + s // DAY) - 1][0]


START = datetime.combine(HIJRI_YEAR_STARTS[1][1], datetime.min.time(), timezone.utc)  # 1 Muharram 1444
START_S = int(START.timestamp())


# ------------------------------------------------------------------------------------------- search (port of the app)
def normalize(text):  # ArabicSearch.Normalize (with Digits.ToAscii)
    if text is None or not text.strip():
        return ""
    out, last_space = [], True
    for c in text:
        if '\u0660' <= c <= '\u0669': c = chr(ord('0') + ord(c) - 0x0660)
        elif '\u06F0' <= c <= '\u06F9': c = chr(ord('0') + ord(c) - 0x06F0)
        elif c == '\u066B': c = '.'
        elif c == '\u066C': c = ','
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


PREFIXES = {"عبد", "ابو", "بن", "ابن", "ال"}


def tokens(text):  # ArabicSearch.Tokens: compounds joined (عبد الرحمن = عبدالرحمن, ابن = بن)
    words = normalize(text).split()
    out, i = [], 0
    while i < len(words):
        token = "بن" if words[i] == "ابن" else words[i]
        while words[i] in PREFIXES and i + 1 < len(words):
            i += 1
            token += "بن" if words[i] == "ابن" else words[i]
        out.append(token)
        i += 1
    return out


_key_cache = {}


def search_key(text):  # ArabicSearch.Key
    k = _key_cache.get(text)
    if k is None:
        k = " ".join(tokens(text))
        if len(_key_cache) < 500_000:
            _key_cache[text] = k
    return k


def derived_rows(kind, row):
    """Every derived/search column and derived table row, in one place. `kind` is the entity, `row` its dict of
    source values. Returns {column: value} to set on the row, and may append rows of derived tables to
    DERIVED_TABLES (table name -> list of tuples, columns in DERIVED_COLUMNS) — e.g. a name-token table."""
    if kind == "Beneficiary":  # BeneficiaryFiles: ArabicSearch.Key($"{FullNameAr} {NameEn}")
        full = " ".join(x for x in (row["FirstName"], row["FatherName"], row["GrandfatherName"], row["FamilyName"]) if x)
        return {"SearchKey": search_key(f"{full} {row['NameEn'] or ''}")}
    if kind == "HouseholdMember":  # ArabicSearch.Key(m.Name)
        return {"SearchKey": search_key(row["Name"])}
    return {}


DERIVED_COLUMNS = {}  # table -> column list, for rows appended by derived_rows
DERIVED_TABLES = {}   # table -> rows


def luhn_id(body9):  # NationalId: Luhn check digit, doubling digits at even positions from the first
    s = 0
    for i, ch in enumerate(body9):
        d = int(ch)
        if i % 2 == 0:
            d *= 2; d = d // 10 + d % 10
        s += d
    return body9 + str((10 - s % 10) % 10)


def initials(name):  # LetterRegister.Initials
    parts = name.split()
    if not parts: return "—"
    def ini(w): return (w[2] if w.startswith("ال") and len(w) > 2 else w[0]) + "."
    return ini(parts[0]) if len(parts) == 1 else f"{ini(parts[0])} {ini(parts[-1])}"


# ------------------------------------------------------------------------------------------------------- word lists
MALE = ["محمد", "أحمد", "عبدالله", "عبد الرحمن", "خالد", "فهد", "سعد", "سلطان", "فيصل", "عمر", "علي", "إبراهيم",
        "يوسف", "ماجد", "نايف", "بندر", "تركي", "سعود", "حمد", "ناصر", "عبدالعزيز", "مشعل", "راشد", "منصور",
        "صالح", "سليمان", "عادل", "وليد", "ياسر", "حسن", "طلال", "مازن", "هشام", "زياد", "بدر", "عبد المجيد",
        "أبو بكر", "مساعد", "عبدالإله", "حمزة", "مصطفى", "أنس", "معاذ", "رائد", "سامي", "غازي", "ثامر", "نواف"]
FEMALE = ["فاطمة", "نورة", "سارة", "مريم", "عائشة", "هند", "ريم", "منى", "أمل", "لطيفة", "حصة", "العنود",
          "جواهر", "شهد", "رزان", "دلال", "وفاء", "أسماء", "خديجة", "هيفاء", "نوف", "لمى", "بشرى", "سلمى",
          "منيرة", "غادة", "عبير", "ابتسام", "حنان", "سميرة", "رقية", "زينب", "آمنة", "جميلة", "بدور", "ليلى"]
FAMILY = ["الحربي", "الغامدي", "القحطاني", "الشهري", "المالكي", "الزهراني", "العتيبي", "الدوسري", "الشمري",
          "المطيري", "العنزي", "السبيعي", "الرشيدي", "البقمي", "الجهني", "الأحمدي", "السلمي", "الثقفي", "الهاجري",
          "العمري", "الشهراني", "القرني", "البلوي", "الفيفي", "العسيري", "الخثعمي", "اليامي", "الصاعدي",
          "الزبيدي", "الحازمي", "المحمادي", "التميمي", "الشريف", "باعشن", "بن لادن", "الكثيري", "النعمي", "الخالدي",
          "آل سعود", "آل الشيخ", "ال سديري", "أبو داود", "بن محفوظ", "الجفري", "باوزير", "العطاس", "الحارثي",
          "المولد", "الصبحي", "اللحياني", "المغربي", "الأنصاري", "البكري", "الفاسي", "الدباغ", "الشنقيطي"]
LATIN = {"محمد": "Mohammed", "أحمد": "Ahmed", "عبدالله": "Abdullah", "خالد": "Khalid", "فهد": "Fahad", "سارة": "Sara",
         "نورة": "Noura", "فاطمة": "Fatimah", "عمر": "Omar", "علي": "Ali", "يوسف": "Yousef", "مريم": "Maryam"}
DISTRICTS = ["الحمدانية", "الصفا", "الربوة", "السامر", "النسيم", "الفيصلية", "الروضة", "المروة", "البوادي", "الأجواد",
             "الشرفية", "البغدادية", "الكندرة", "الرحاب", "السلامة", "النعيم", "الزهراء", "الواحة", "بني مالك", "الحرازات"]
STREETS = ["شارع الأمير سلطان", "شارع التحلية", "طريق المدينة", "شارع فلسطين", "شارع صاري", "شارع حراء", "شارع الستين"]
DESCRIPTIONS = [
    "أسرة من {n} أفراد بلا دخل ثابت تطلب سلة غذائية شهرية.",
    "أرملة تعول {n} أطفال وتطلب المساعدة في سداد الإيجار المتأخر.",
    "متقاعد يعول زوجته وأحفاده، ويطلب سلة غذائية شهرية.",
    "طالب موهوب في الرسم يطلب دعم رسوم دورة ثقافية.",
    "أسرة انتقلت حديثًا إلى جدة وتطلب مساعدة إيجار لمدة ثلاثة أشهر.",
    "مطلقة تعول {n} أبناء ودخلها من الضمان الاجتماعي فقط.",
    "رب أسرة فقد عمله قبل شهرين ويطلب سلة غذائية مؤقتًا.",
    "طالبة تطلب دعم دورة في الخط العربي مقدمة من مركز معتمد.",
]
PLACES = ["مقر الجمعية — قاعة الاجتماعات", "مكتب حي الصفا", "اجتماع عن بعد"]
VOTE_REASONS = {1: ["تنطبق شروط السياسة على الأسرة.", "الحاجة ثابتة من تقرير الباحث.", "أوافق على توصية الباحث."],
                2: ["يتجاوز دخل الأسرة حد الاستحقاق.", "المستندات لا تثبت الحاجة.", "لا تنطبق شروط البرنامج على الحالة."],
                3: ["أحتاج مزيدًا من المعلومات."]}
APPROVE_REASONS = "استيفاء شروط سياسة الدعم وتوصية الباحث الاجتماعي بعد الزيارة."
REJECT_REASONS = ["يتجاوز متوسط دخل الفرد في الأسرة حد الاستحقاق المعتمد في دليل سياسة الدعم؛ ويمكن للأسرة التقدم بطلب جديد إذا تغيّر دخلها.",
                  "لم تثبت الزيارة الميدانية الحاجة المذكورة في الطلب.", "الخدمة المطلوبة متاحة للأسرة من جهة حكومية."]
RETURN_NOTES = ["الهوية الوطنية منتهية قبل تاريخ تقديم الطلب.", "صك الإعالة غير مرفق.", "تعريف الراتب أقدم من تسعين يومًا."]
CONTACT_SUMMARIES = ["سأل عن موعد صرف المساعدة الموسمية", "يستفسر عن حالة طلبه", "متصل جديد يسأل عن شروط التسجيل في الجمعية",
                     "طلب تحديث رقم الجوال في ملفه", "يشكر الجمعية على سرعة الصرف", "يسأل عن المستندات المطلوبة لمساعدة الإيجار",
                     "تابعنا معه استكمال المستندات الناقصة", "تطوع للمشاركة في توزيع السلال"]
CONTACT_OUTCOMES = ["أبلغناه بالموعد المتوقع", "شرحنا الشروط والمستندات المطلوبة", "أحيل إلى الباحث الاجتماعي", None, None]
SURVEY_COMMENTS = ["وصلتني المساعدة في وقتها، شكرًا لكم.", "تأخر الرد قليلًا.", "تعامل راقٍ من الموظفين.", "أتمنى تبسيط المستندات."]
FEEDBACK_SUBJECTS = [(2, 3, "تأخر الرد على الطلب", "تقدمت بطلب منذ شهر ولم يصلني رد حتى الآن."),
                     (2, 2, "ازدحام مكتب الاستقبال", "كان الانتظار في مكتب الاستقبال طويلًا، وأرجو تنظيم المواعيد."),
                     (1, 5, "إضافة خدمة تذكير بمواعيد الاستلام", "أقترح إرسال رسالة نصية قبل موعد الاستلام بيوم."),
                     (1, 1, "تحسين جودة السلال", "أقترح إضافة أصناف للأطفال في السلة الغذائية.")]
DELIVERY_NOTES = ["حوالة بنكية للمؤجر رقم {n}", "استلم السلة من مقر الجمعية", "سُلّمت عن طريق مندوب الفرع", "إيصال سداد الرسوم رقم {n}"]

# --------------------------------------------------------------------------------------------------------- database
con = sqlite3.connect(args.db, isolation_level=None)
cur = con.cursor()
JOURNAL = cur.execute("PRAGMA journal_mode").fetchone()[0]  # the app's databases are in WAL mode: restored at the end
for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-1000000", "temp_store=FILE", "foreign_keys=OFF"):
    cur.execute("PRAGMA " + pragma)


def one(sql, *a):
    r = cur.execute(sql, a).fetchone()
    return r[0] if r else None


TENANT = one("select Id from Tenants where Slug='juthuruna'")
TENANT2 = one("select Id from Tenants where Slug='albirr'")
if TENANT is None:
    sys.exit("no 'juthuruna' association: start the app once in Development (Demo:Seed) to migrate and seed, then stop it")
if one("select count(*) from SupportRequests where TenantId=?", TENANT) > 50:
    sys.exit("this database already holds generated requests: generate into a fresh demo-seeded copy")

TABLE_COLUMNS = {}


def columns(table):
    if table not in TABLE_COLUMNS:
        TABLE_COLUMNS[table] = [r[1] for r in cur.execute(f'pragma table_info("{table}")')]
    return TABLE_COLUMNS[table]


class Tenant:
    def __init__(self, tid):
        self.id = tid
        self.prefix = one("select Settings_NumberPrefix from Tenants where Id=?", tid)
        def user(local):
            return one("select Id from AspNetUsers where TenantId=? and NormalizedEmail like ?", tid, local.upper() + "@%")
        self.officer, self.researcher, self.chair = user("officer"), user("researcher"), user("chair")
        self.secretary, self.manager, self.admin = user("secretary"), user("manager"), user("admin")
        self.member, self.member2 = user("member"), user("member2")
        self.voters = [self.chair, self.member, self.member2]
        self.attendees = [self.chair, self.secretary, self.member, self.member2]
        self.services = [r[0] for r in cur.execute("select Id from SupportServices where TenantId=? order by Code", (tid,))]
        self.service_code = dict(cur.execute("select Id, Code from SupportServices where TenantId=?", (tid,)).fetchall())
        self.branches = [r[0] for r in cur.execute("select Id from Branches where TenantId=? order by Code", (tid,))]
        self.requirements = {}
        for sid, dt in cur.execute("select ServiceId, DocumentTypeId from ServiceRequirements where TenantId=? and IsMandatory=1 order by DocumentTypeId", (tid,)):
            self.requirements.setdefault(sid, []).append(dt)
        decl = cur.execute("select Text, TextVersion from Declarations where TenantId=? limit 1", (tid,)).fetchone()
        tmpl = cur.execute("select Text, Version from DeclarationTemplates where TenantId=? order by Version desc limit 1", (tid,)).fetchone()
        self.decl_text, self.decl_version = decl or tmpl or ("أقر أنا الموقع أدناه بأن جميع البيانات صحيحة.", 0)
        self.policy_versions = one("select PolicyVersions from AgendaItems where TenantId=? and PolicyVersions is not null limit 1", tid)
        self.counters = dict(cur.execute("select Name, Value from TenantCounters where TenantId=?", (tid,)).fetchall())
        self.files_before = one("select count(*) from Beneficiaries where TenantId=?", tid)


# Row buffers, flushed per chunk. Each table's tuple order is its column list below.
COLS = {
    "Beneficiaries": ["Id", "TenantId", "FileNumber", "IdentityType", "IdentityNumber", "FirstName", "FatherName", "GrandfatherName",
                      "FamilyName", "NameEn", "Gender", "BirthDate", "Nationality", "MaritalStatus", "Mobile", "Email",
                      "AddressBuildingNumber", "AddressStreet", "AddressDistrict", "AddressCity", "AddressPostalCode",
                      "AddressAdditionalNumber", "EmploymentStatus", "HousingType", "HealthNotes", "Notes", "SearchKey", "Version",
                      "CreatedAtUtc", "UpdatedAtUtc", "BeneficiaryNumber", "NonEssentialMessagesOptOut", "OpenedOnWebsite"],
    "BeneficiaryHouseholdMembers": ["Id", "Name", "Relation", "IdentityType", "IdentityNumber", "BirthDate", "MonthlyIncomeHalalas", "BeneficiaryId", "SearchKey"],
    "BeneficiaryIncomeSources": ["Id", "Kind", "MonthlyHalalas", "BeneficiaryId"],
    "SupportRequests": ["Id", "AmountRequestedHalalas", "BeneficiaryId", "BranchId", "Channel", "CreatedAtUtc", "CreatedBy", "DecidedOn",
                        "DecisionDueOn", "Description", "HijriYear", "IdempotencyKey", "Number", "ResearcherId", "ServiceId", "State",
                        "SubmittedOn", "TenantId", "UpdatedAtUtc", "VerifiedOn", "Version"],
    "RequestHistory": ["Id", "TenantId", "RequestId", "From", "To", "Trigger", "Note", "UserId", "AtUtc"],
    "Declarations": ["Id", "TenantId", "RequestId", "ApplicantName", "Method", "Text", "TextVersion", "ScanFileId", "WitnessUserId", "AtUtc"],
    "DocumentChecks": ["Id", "CheckedAtUtc", "CheckedBy", "DocumentTypeId", "ExpiryDate", "FileId", "IssueDate", "Note", "RequestId",
                       "SeenInOriginal", "Status", "TenantId"],
    "Referrals": ["Id", "Answer", "AnsweredAtUtc", "AnsweredBy", "AskedAtUtc", "AskedBy", "Question", "RequestId", "ResearcherId", "Status", "TenantId"],
    "ResearchReports": ["Id", "CreatedAtUtc", "Findings", "HouseholdSituation", "Needs", "Recommendation", "RecommendedAmountHalalas",
                        "RecommendedServiceIds", "RequestId", "ResearcherId", "SubmittedAtUtc", "TenantId", "UpdatedAtUtc", "Version",
                        "VisitType", "VisitedOn"],
    "CommitteeSessions": ["Id", "TenantId", "Number", "HijriYear", "HeldOn", "Place", "Status", "CreatedBy", "CreatedAtUtc", "Version"],
    "SessionAttendees": ["Id", "SessionId", "TenantId", "UserId"],
    "AgendaItems": ["Id", "TenantId", "SessionId", "RequestId", "Position", "Status", "Decision", "Reasons", "ApprovedServiceIds",
                    "ApprovedAmountHalalas", "PolicyVersions", "VotesApprove", "VotesReject", "Abstentions", "Recusals", "DecidedBy",
                    "DecidedAtUtc", "Version"],
    "CommitteeVotes": ["Id", "AgendaItemId", "CastAtUtc", "Choice", "Reason", "TenantId", "UpdatedAtUtc", "UserId"],
    "Registrations": ["Id", "ApprovedAmountHalalas", "ApprovedServiceIds", "BeneficiaryId", "BeneficiaryNumber", "EligibleFrom", "EligibleTo",
                      "RegisteredAtUtc", "RegisteredBy", "RequestId", "TenantId"],
    "ServiceDeliveries": ["Id", "AmountHalalas", "DeliveredBy", "DeliveredOn", "IdempotencyKey", "Quantity", "ReceiptFileId", "ReceiptKind",
                          "ReceiptNote", "RecordedAtUtc", "RequestId", "ServiceId", "TenantId"],
    "Notifications": ["Id", "TenantId", "Kind", "RecipientUserId", "RequestId", "DedupKey", "CreatedAtUtc", "ReadAtUtc", "Status", "Attempts", "SentAtUtc"],
    "Letters": ["Id", "TenantId", "Number", "HijriYear", "Sequence", "Kind", "Language", "SubjectId", "RecipientName", "RecipientInitials",
                "Title", "IssuedOn", "IssuedAtUtc", "IssuedBy", "Replaces", "VerificationCode", "Status", "SpoiledReason", "Sha256",
                "PdfBytes", "IdempotencyKey"],
    "LetterVerifications": ["Code", "TenantId", "LetterId"],
    "LetterPdfs": ["LetterId", "TenantId", "Content"],
    "Contacts": ["Id", "BeneficiaryId", "BranchId", "CallerMobile", "CallerName", "Channel", "CreatedAtUtc", "Direction", "FollowUpOn",
                 "IdempotencyKey", "LinkedAtUtc", "LinkedByUserId", "OccurredAtUtc", "Outcome", "StaffUserId", "Summary", "TenantId", "Type"],
    "AuditEntries": ["Id", "TenantId", "AtUtc", "UserId", "Action", "EntityType", "EntityId", "Changes"],
    "SurveyInvitations": ["Id", "TenantId", "RequestId", "TokenHash", "CreatedAtUtc", "ExpiresAtUtc", "AnsweredAtUtc"],
    "SurveyResponses": ["Id", "TenantId", "Overall", "Courtesy", "Speed", "Clarity", "Comment", "ServiceId", "Channel", "BranchId",
                        "AnsweredMonth", "BeneficiaryId", "RequestId"],
    "FeedbackItems": ["Id", "AnsweredAtUtc", "AnsweredBy", "AssigneeId", "BeneficiaryId", "Category", "Channel", "ClosedAtUtc", "ClosedBy",
                      "ClosureNote", "DueOn", "Email", "HijriYear", "IdempotencyKey", "Kind", "Mobile", "Name", "ReceivedAtUtc", "RecordedBy",
                      "Reference", "Response", "Sequence", "Status", "Subject", "TenantId", "Text", "Version", "WantsReply"],
    "FeedbackEvents": ["Id", "TenantId", "FeedbackItemId", "AtUtc", "Action", "UserId", "AssigneeId"],
}
FILLED_AT_THE_END = {"SupportRequests": {"QueueOrder"}}  # derived from whole tables in SQL after loading (below)
for table, cols in COLS.items():  # the script's columns must be exactly the table's: fail early if the model changed
    missing = set(columns(table)) - set(cols) - FILLED_AT_THE_END.get(table, set())
    extra = set(cols) - set(columns(table))
    if missing or extra:
        sys.exit(f"{table}: the model changed (not generated: {sorted(missing)}, unknown: {sorted(extra)}); update generate.py")

BUF = {t: [] for t in COLS}
COUNTS = {t: 0 for t in COLS}
SQL = {t: f'insert into "{t}" (' + ",".join(f'"{c}"' for c in cols) + ") values (" + ",".join("?" * len(cols)) + ")"
       for t, cols in COLS.items()}


def flush():
    cur.execute("BEGIN")
    for t, rows in BUF.items():
        if rows:
            cur.executemany(SQL[t], rows)
            COUNTS[t] += len(rows)
            rows.clear()
    for t, rows in DERIVED_TABLES.items():
        if rows:
            cur.executemany(f'insert into "{t}" (' + ",".join(f'"{c}"' for c in DERIVED_COLUMNS[t]) + ") values ("
                            + ",".join("?" * len(DERIVED_COLUMNS[t])) + ")", rows)
            COUNTS[t] = COUNTS.get(t, 0) + len(rows)
            rows.clear()
    cur.execute("COMMIT")


# Secondary indexes of the tables loaded: dropped now, recreated from their exact SQL at the end.
LOADED = list(COLS) + list(DERIVED_COLUMNS) + ["NameTokens"]
INDEXES = [(n, s) for n, s in cur.execute(
    "select name, sql from sqlite_master where type='index' and sql is not null and tbl_name in (%s)" % ",".join("?" * len(LOADED)), LOADED)]
for name, _ in INDEXES:
    cur.execute(f'drop index "{name}"')
log(f"dropped {len(INDEXES)} secondary indexes of {len(LOADED)} tables")


def audit(t, s, user, action, etype, eid, changes):
    BUF["AuditEntries"].append((gid(s), t.id, ts(s), user.lower() if user not in ("system", "portal") else user, action, etype, eid.lower(), changes))


def jchanges(d):  # AuditChanges.ToJson: {"Field":{"old":..,"new":..}} (values here are strings or null)
    def v(x): return "null" if x is None else '"' + x + '"'
    return "{" + ",".join('"%s":{"old":%s,"new":%s}' % (k, v(o), v(n)) for k, (o, n) in d.items()) + "}"


# ------------------------------------------------------------------------------------------------------------ files
def make_files(t, n, start_s, end_s):
    """n files created between start_s and end_s (10 % imported on the first day); returns (rows, creation times)."""
    files = []
    base = t.files_before
    times = sorted(start_s + rnd.randrange(0, DAY) if i < n // 10 else rnd.randrange(start_s, end_s) for i in range(n))
    for i, s in enumerate(times):
        num = base + i + 1
        male = rnd.random() < 0.55
        first = rnd.choice(MALE if male else FEMALE)
        father, grand, family = rnd.choice(MALE), rnd.choice(MALE), rnd.choice(FAMILY)
        name_en = f"{LATIN[first]} {family}" if first in LATIN and rnd.random() < 0.3 else None
        fid = gid(s)
        ident_type = 1 if rnd.random() < 0.85 else 2
        ident = luhn_id(("1" if ident_type == 1 else "2") + f"{(num * 7919 + (0 if t.id == TENANT else 3_000_000)) % 10**8:08d}")
        mobile = f"+9665{(num * 104_729 + (0 if t.id == TENANT else 55_555_555)) % 10**8:08d}"
        src = {"FirstName": first, "FatherName": father, "GrandfatherName": grand, "FamilyName": family, "NameEn": name_en}
        d = derived_rows("Beneficiary", src)
        birth = date(1945, 1, 1) + timedelta(days=rnd.randrange(0, 365 * 60))
        row = [fid, t.id, f"B-{num:06d}", ident_type, ident, first, father, grand, family, name_en, 1 if male else 2, birth.isoformat(),
               "سعودي" if ident_type == 1 else rnd.choice(["يمني", "مصري", "سوداني", "باكستاني"]), rnd.choice([1, 2, 2, 2, 3, 4]), mobile,
               None, str(rnd.randint(1000, 9999)), rnd.choice(STREETS), rnd.choice(DISTRICTS), "جدة", str(rnd.randint(21411, 23881)),
               str(rnd.randint(1000, 9999)), rnd.choice([1, 1, 2, 3, 4, 5, 6]), rnd.choice([1, 2, 2, 2, 3, 4, 5]),
               "مرض مزمن" if rnd.random() < 0.08 else None, None, d["SearchKey"], uid(), ts(s), ts(s), None, 0,
               1 if rnd.random() < 0.1 else 0]
        files.append(row)
        for _ in range(rnd.choice([1, 1, 2])):
            BUF["BeneficiaryIncomeSources"].append((gid(s), rnd.choice([1, 2, 3, 4, 6]), rnd.randrange(500, 8000) * 100, fid))
        if rnd.random() < 0.45:
            for k in range(rnd.randint(1, 5)):
                rel = 1 if k == 0 and male and rnd.random() < 0.8 else rnd.choice([2, 3, 2, 3, 5, 6, 7])
                mname = (rnd.choice(FEMALE) if rel in (1, 3, 5, 7) else rnd.choice(MALE)) + " " + (first if rel in (2, 3) else rnd.choice(MALE)) + " " + family
                md = derived_rows("HouseholdMember", {"Name": mname})
                has_id = rnd.random() < 0.5
                BUF["BeneficiaryHouseholdMembers"].append((
                    gid(s), mname, rel, 1 if has_id else None,
                    luhn_id("1" + f"{(num * 31 + k + 40_000_000) % 10**8:08d}") if has_id else None,
                    (birth + timedelta(days=rnd.randrange(-3000, 9000))).isoformat() if rnd.random() < 0.9 else None,
                    rnd.choice([0, 0, 0, 150000, 300000]), fid, md["SearchKey"]))
        audit(t, s, t.officer, "Created", "Beneficiary", fid,
              jchanges({"FileNumber": (None, f"B-{num:06d}"), "FirstName": (None, first), "FamilyName": (None, family),
                        "IdentityNumber": (None, ident), "Mobile": (None, mobile)}))
    return files, times


# ------------------------------------------------------------------------------------------------ request simulation
WORKDAYS = {6, 0, 1, 2, 3}  # Sunday..Thursday (Python: Monday=0, Sunday=6)


def next_workday(s, min_days=1):
    day = s // DAY + min_days
    while date.fromordinal(EPOCH_DAY + day).weekday() not in WORKDAYS:
        day += 1
    return day * DAY + 9 * 3600


class Sessions:
    """Committee sessions: held on working days, at most --items-per-session items each; numbered at the end."""
    def __init__(self, t):
        self.t, self.by_day = t, {}

    def item_slot(self, held_s):
        day = held_s // DAY
        lst = self.by_day.setdefault(day, [])
        if not lst or lst[-1][1] >= args.items_per_session:
            sid = gid(held_s - 3 * DAY)
            lst.append([sid, 0])
            status = 1 if held_s + 3 * 3600 < NOW_S else 0
            BUF["CommitteeSessions"].append((sid, self.t.id, f"~{sid}", hijri_year(held_s), dstr(held_s), rnd.choice(PLACES), status,
                                             self.t.secretary, ts(held_s - 3 * DAY), uid()))
            for u in self.t.attendees if status == 1 else []:
                BUF["SessionAttendees"].append((gid(held_s), sid, self.t.id, u))
            if status == 1 and rnd.random() < 0.6:
                letter(self.t, held_s + 2 * 3600, 7, sid, "لجنة البحث والصرف", "محضر اجتماع لجنة البحث والصرف", addressed=False)
        lst[-1][1] += 1
        return lst[-1][0], lst[-1][1]


LETTER_TITLES = {1: "إشعار باستلام طلب", 2: "طلب استكمال مستندات", 3: "إحالة إلى الباحث الاجتماعي", 4: "إشعار بالموافقة على طلب الدعم",
                 5: "إشعار بالاعتذار عن طلب الدعم", 6: "تأكيد التسجيل مستفيدًا", 7: "محضر اجتماع اللجنة"}
PDF = b"%PDF-1.4\n% placeholder written by benchmarks/generate.py\n%%EOF\n"
LAST_LETTERS = []  # (id, issued_s) of issued letters, for replacements


def letter(t, s, kind, subject, recipient, title=None, addressed=True):
    if s > NOW_S:
        return
    lid = gid(s)
    code = base64.urlsafe_b64encode(rnd.getrandbits(128).to_bytes(16, "little")).rstrip(b"=").decode()  # NewVerificationCode
    status, reason = (2, None) if rnd.random() > 0.002 else (3, rnd.choice([1, 2, 3, 4]))
    replaces = None
    if status == 2 and LAST_LETTERS and rnd.random() < 0.003:
        replaces = LAST_LETTERS[rnd.randrange(len(LAST_LETTERS))][0]
    BUF["Letters"].append((lid, t.id, "~" + lid, hijri_year(s), 0, kind, "ar" if rnd.random() < 0.95 else "en", subject, recipient,
                           initials(recipient) if addressed else recipient, title or LETTER_TITLES[kind], dstr(s), ts(s), t.officer,
                           replaces, code, status, reason, f"{rnd.getrandbits(256):064x}" if status == 2 else "",
                           rnd.randint(88000, 99000) if status == 2 else 0, uid()))
    if status == 2:
        BUF["LetterVerifications"].append((code, t.id, lid))
        if NOW_S - s < 30 * DAY:
            BUF["LetterPdfs"].append((lid, t.id, PDF))
        if len(LAST_LETTERS) < 5000:
            LAST_LETTERS.append((lid, s))
        else:
            LAST_LETTERS[rnd.randrange(5000)] = (lid, s)


REG_NUMBERS = {}  # beneficiary id -> beneficiary number (given at the file's first registration)


def next_counter(t, name):
    t.counters[name] = t.counters.get(name, 0) + 1
    return t.counters[name]


def simulate(t, sessions, req_s, file, stuck):
    """One request from its creation to the state it is in on --now; appends every row the workflow writes."""
    fid, fname, fmobile = file[0], f"{file[5]} {file[6]} {file[7]} {file[8]}", file[14]
    rid = gid(req_s)
    year = hijri_year(req_s)
    number = f"{t.prefix}-{year}-{next_counter(t, f'support-request-{year}'):06d}"
    service = rnd.choice(t.services)
    code = t.service_code[service]
    branch = rnd.choice(t.branches + [None, None])
    channel = rnd.choice([1, 1, 1, 2, 5, 7, 7, 8])
    amount = {"RENT-AID": rnd.choice([150000, 250000, 300000]), "CULTURAL-COURSE": rnd.choice([35000, 80000])}.get(code)
    hist = BUF["RequestHistory"]
    state, s = 0, req_s
    submitted = verified = due = decided = researcher = None

    def step(frm, to, trig, at, user, note=None):
        hist.append((gid(at), t.id, rid, frm, to, trig, note, user, ts(at)))

    hist.append((gid(s), t.id, rid, None, 0, None, None, t.officer, ts(s)))
    audit(t, s, t.officer, "Created", "SupportRequest", rid, jchanges({"Number": (None, number), "State": (None, "Draft")}))

    # outcome of a request that runs its course
    r = rnd.random()
    outcome = "closed" if r < 0.735 else "rejected" if r < 0.935 else "withdrawn" if r < 0.975 else "cancelled"
    stop_at = None
    if stuck:  # an old request left where it was
        stop_at = rnd.choice([0, 1, 2, 2, 3, 4, 5])

    def done(at):  # the state stops before a step that would happen after --now
        return at > NOW_S

    while True:
        if stop_at == 0: break
        # submit: declaration + document checks
        s1 = s + rnd.randrange(600, 2 * DAY)
        if done(s1): break
        submitted = s1
        BUF["Declarations"].append((gid(s1), t.id, rid, fname, 1 if rnd.random() < 0.9 else 2, t.decl_text, t.decl_version, None, t.officer, ts(s1)))
        step(0, 1, 0, s1, t.officer); state = 1
        if rnd.random() < 0.25:
            letter(t, s1 + 60, 1, rid, fname)
        checks = t.requirements.get(service, [])
        returned = rnd.random() < 0.1
        for k, dt in enumerate(checks):
            bad = returned and k == 0
            BUF["DocumentChecks"].append((gid(s1), ts(s1 + 300), t.officer, dt, dstr(s1 + 400 * DAY) if k == 0 else None, None,
                                          dstr(s1 - rnd.randrange(30, 3000) * DAY) if k == 1 else None,
                                          "الصورة غير واضحة" if bad else None, rid, 1, 3 if bad else 1, t.id))
        if stop_at == 1: break
        s2 = s1 + rnd.randrange(3600, 3 * DAY)
        if returned:
            if done(s2): break
            step(1, 2, 1, s2, t.officer, rnd.choice(RETURN_NOTES)); state = 2
            if rnd.random() < 0.5:
                letter(t, s2 + 60, 2, rid, fname)
            if stop_at == 2: break
            if outcome in ("withdrawn", "cancelled") and rnd.random() < 0.5:
                s3 = s2 + rnd.randrange(DAY, 20 * DAY)
                if done(s3): break
                step(2, 11 if outcome == "withdrawn" else 12, 4 if outcome == "withdrawn" else 5, s3, t.officer, "طلب المستفيد سحب طلبه" if outcome == "withdrawn" else "لم تُستكمل المستندات")
                state = 11 if outcome == "withdrawn" else 12
                break
            s2 = s2 + rnd.randrange(DAY, 10 * DAY)
            if done(s2): break
            step(2, 1, 2, s2, t.officer); state = 1
            s2 += rnd.randrange(600, DAY)
        if stop_at == 2: break
        if done(s2): break
        if outcome in ("withdrawn", "cancelled") and rnd.random() < 0.4:
            step(1, 11 if outcome == "withdrawn" else 12, 4 if outcome == "withdrawn" else 5, s2, t.officer, "طلب المستفيد سحب طلبه" if outcome == "withdrawn" else "طلب مكرر")
            state = 11 if outcome == "withdrawn" else 12
            break
        verified = s2
        due = verified + 14 * DAY
        step(1, 3, 3, s2, t.officer); state = 3
        if stop_at == 3: break
        # research
        s3 = s2 + rnd.randrange(600, 2 * DAY)
        if done(s3): break
        researcher = t.researcher
        step(3, 4, 6, s3, t.officer); state = 4
        if rnd.random() < 0.05:
            answered = s3 + rnd.randrange(3600, 3 * DAY)
            ok = answered <= NOW_S
            BUF["Referrals"].append((gid(s3), "يُقبل المستند وفق دليل سياسة الدعم." if ok else None, ts(answered) if ok else None,
                                     t.researcher if ok else None, ts(s3), t.officer, "هل يُقبل كشف حساب بنكي بدل التعريف بالراتب؟",
                                     rid, t.researcher, 2 if ok else 1, t.id))
            if rnd.random() < 0.3:
                letter(t, s3 + 120, 3, rid, fname)
        if outcome in ("withdrawn", "cancelled"):
            s4 = s3 + rnd.randrange(DAY, 7 * DAY)
            if done(s4): break
            step(4, 11 if outcome == "withdrawn" else 12, 4 if outcome == "withdrawn" else 5, s4, t.officer, "اعتذر المستفيد عن استكمال الطلب")
            state = 11 if outcome == "withdrawn" else 12
            break
        s4 = s3 + rnd.randrange(DAY, 6 * DAY)
        rec = 2 if outcome == "rejected" and rnd.random() < 0.7 else rnd.choice([1, 1, 3])
        submitted_report = not done(s4) and stop_at != 4
        BUF["ResearchReports"].append((gid(s3 + 3600), ts(s3 + 3600), "الدخل لا يغطي الاحتياجات الأساسية للأسرة.",
                                       "أسرة من %d أفراد في سكن مستأجر." % rnd.randint(2, 9), "سلة غذائية شهرية ومساعدة في الإيجار.",
                                       rec if submitted_report else 0, amount if rec != 2 else None,
                                       '["%s"]' % service if rec != 2 and submitted_report else "[]", rid, t.researcher,
                                       ts(s4) if submitted_report else None, t.id, ts(min(s4, NOW_S)), uid(), rnd.choice([1, 1, 2, 3]),
                                       dstr(min(s4, NOW_S) - DAY)))
        if not submitted_report: break
        step(4, 5, 7, s4, t.researcher); state = 5
        # committee: the next working day's session
        held = next_workday(s4, 1)
        if stop_at == 5: break  # waiting to be put on an agenda
        session, position = sessions.item_slot(held)
        if done(held + 2 * 3600):
            BUF["AgendaItems"].append((gid(s4), t.id, session, rid, position, 0, None, None, "[]", None, None, 0, 0, 0, 0, None, None, uid()))
            break
        approve = outcome != "rejected"
        decided_at = held + 2 * 3600 + position * 60
        ballots = [1 if approve else 2 for _ in t.voters]
        ballots[rnd.randrange(len(ballots))] = rnd.choice([1, 2, 3]) if rnd.random() < 0.3 else ballots[0]
        item = gid(s4)
        for u, c in zip(t.voters, ballots):
            BUF["CommitteeVotes"].append((gid(decided_at), item, ts(decided_at - 600), c, rnd.choice(VOTE_REASONS[c]), t.id, ts(decided_at - 600), u))
        BUF["AgendaItems"].append((item, t.id, session, rid, position, 1, 1 if approve else 2,
                                   APPROVE_REASONS if approve else rnd.choice(REJECT_REASONS), '["%s"]' % service if approve else "[]",
                                   amount if approve else None, t.policy_versions, ballots.count(1), ballots.count(2), ballots.count(3), 0,
                                   t.chair, ts(decided_at), uid()))
        decided = decided_at
        if approve:
            step(5, 6, 8, decided_at, t.chair, APPROVE_REASONS); state = 6
            if rnd.random() < 0.35:
                letter(t, decided_at + 3600, 4, rid, fname)
        else:
            step(5, 7, 9, decided_at, t.chair, rnd.choice(REJECT_REASONS)); state = 7
            if rnd.random() < 0.5:
                letter(t, decided_at + 3600, 5, rid, fname)
            break
        # registration
        s5 = decided_at + rnd.randrange(3600, 3 * DAY)
        if done(s5): break
        bnum = REG_NUMBERS.get(fid)
        if bnum is None:
            bnum = REG_NUMBERS[fid] = f"{t.prefix}-{next_counter(t, 'beneficiary-number'):05d}"
        BUF["Registrations"].append((gid(s5), amount, '["%s"]' % service, fid, bnum, dstr(s5), dstr(s5 + 364 * DAY), ts(s5), t.officer, rid, t.id))
        step(6, 8, 11, s5, t.officer); state = 8
        if rnd.random() < 0.2:
            letter(t, s5 + 600, 6, rid, fname)
        # deliveries
        sd, frm = s5, 8
        for k in range(rnd.choice([1, 1, 1, 2, 3])):
            sd = sd + rnd.randrange(3600, 20 * DAY)
            if done(sd): break
            n = rnd.randrange(100000, 999999)
            BUF["ServiceDeliveries"].append((gid(sd), amount, t.officer, dstr(sd), uid(), None if amount else 1, None, 2,
                                             rnd.choice(DELIVERY_NOTES).format(n=n), ts(sd), rid, service, t.id))
            step(frm, 9, 12, sd, t.officer); state = frm = 9
        if state != 9: break
        s6 = sd + rnd.randrange(3600, 5 * DAY)
        if done(s6): break
        step(9, 10, 13, s6, t.officer); state = 10
        if rnd.random() < 0.25:  # satisfaction survey
            answered = s6 + rnd.randrange(3600, 10 * DAY)
            ok = answered <= NOW_S and rnd.random() < 0.8
            BUF["SurveyInvitations"].append((gid(s6), t.id, rid, f"{rnd.getrandbits(256):064x}", ts(s6), ts(s6 + 30 * DAY), ts(answered) if ok else None))
            if ok:
                m = dd(answered)
                BUF["SurveyResponses"].append((uid(), t.id, rnd.choice([3, 4, 4, 5, 5, 5]), rnd.choice([4, 5, 5]), rnd.choice([2, 3, 4, 5]),
                                               rnd.choice([3, 4, 5]), rnd.choice(SURVEY_COMMENTS) if rnd.random() < 0.2 else None, service,
                                               channel, branch, date(m.year, m.month, 1).isoformat(), None, None))
        break

    # decision-window notifications (mostly read), for requests that were in the window
    if verified is not None and rnd.random() < 0.3:
        kind = 2 if decided is None or decided > due else 1
        at = due - 2 * DAY if kind == 1 else due + 3600
        if at <= NOW_S:
            for u in (t.manager, t.secretary):
                read = at + rnd.randrange(600, 5 * DAY)
                BUF["Notifications"].append((gid(at), t.id, kind, u, rid, f"{'DecisionDueSoon' if kind == 1 else 'DecisionOverdue'}:{rid.lower()}:{u.lower()}",
                                             ts(at), ts(read) if read < NOW_S - 2 * DAY else None, 1, 1, ts(at + 5)))
    if state != 0:
        audit(t, max(s for s in (submitted, verified, decided, req_s) if s), t.officer, "Transition", "SupportRequest", rid,
              jchanges({"State": ("Draft", ["Draft", "DocumentsReview", "ReturnedForCompletion", "Verified", "UnderResearch", "AwaitingCommittee",
                                            "Approved", "Rejected", "Registered", "InService", "Closed", "Withdrawn", "Cancelled"][state])}))
    if rnd.random() < 0.12:
        vs = min(NOW_S, req_s + rnd.randrange(0, 30 * DAY))
        audit(t, vs, rnd.choice([t.officer, t.researcher, t.manager]), "Viewed", "Beneficiary", fid, None)
    last = max(x for x in (req_s, submitted, verified, decided) if x)
    BUF["SupportRequests"].append((rid, amount, fid, branch, channel, ts(req_s), t.officer, dstr(decided) if decided else None,
                                   dstr(due) if due else None, rnd.choice(DESCRIPTIONS).format(n=rnd.randint(2, 8)), year, uid(), number,
                                   researcher, service, state, dstr(submitted) if submitted else None, t.id, ts(min(last, NOW_S)),
                                   dstr(verified) if verified else None, uid()))
    return state


def contact(t, s, file):
    anonymous = file is None
    ch = rnd.choice([1, 2, 2, 2, 3, 4, 5, 6, 7, 8])
    follow = dstr(s + 3 * DAY) if rnd.random() < 0.1 else None
    BUF["Contacts"].append((gid(s), None if anonymous else file[0], rnd.choice(t.branches + [None]),
                            f"+9665{rnd.randrange(10**8):08d}" if anonymous else None,
                            f"{rnd.choice(MALE)} {rnd.choice(MALE)} {rnd.choice(FAMILY)}" if anonymous else None, ch, ts(s),
                            1 if rnd.random() < 0.8 else 2, follow, uid(), None, None, ts(s), rnd.choice(CONTACT_OUTCOMES),
                            t.officer, rnd.choice(CONTACT_SUMMARIES), t.id, rnd.choice([1, 1, 1, 2, 3, 3, 4, 5, 6])))


def feedback(t, s):
    kind, cat, subject, text = rnd.choice(FEEDBACK_SUBJECTS)
    year = hijri_year(s)
    seq = next_counter(t, f"feedback-{year}")
    fid = gid(s)
    age = NOW_S - s
    status = 4 if age > 30 * DAY else rnd.choice([1, 2, 3, 4])
    answered = s + rnd.randrange(DAY, 7 * DAY) if status >= 3 else None
    closed = (answered or s) + DAY if status == 4 else None
    BUF["FeedbackItems"].append((fid, ts(answered) if answered else None, t.manager if answered else None, t.manager if status >= 2 else None,
                                 None, cat, rnd.choice([1, 2, 7, 7]), ts(closed) if closed else None, t.manager if closed else None,
                                 "أُغلقت بعد الرد." if closed else None, dstr(s + 7 * DAY), None, year, uid(), kind,
                                 f"+9665{rnd.randrange(10**8):08d}", f"{rnd.choice(MALE)} {rnd.choice(FAMILY)}", ts(s), t.officer,
                                 f"SC-{year}-{seq:04d}", "نشكر لكم تواصلكم، وقد عولجت الملاحظة." if answered else None, seq, status,
                                 subject, t.id, text, uid(), 1))
    BUF["FeedbackEvents"].append((gid(s), t.id, fid, ts(s), 1, t.officer, None))
    if status >= 2: BUF["FeedbackEvents"].append((gid(s + 600), t.id, fid, ts(s + 600), 2, t.manager, t.manager))
    if answered: BUF["FeedbackEvents"].append((gid(answered), t.id, fid, ts(answered), 3, t.manager, None))
    if closed: BUF["FeedbackEvents"].append((gid(closed), t.id, fid, ts(closed), 4, t.manager, None))


def generate(t, n_files, n_requests):
    sessions = Sessions(t)
    span = NOW_S - START_S
    files, file_times = make_files(t, n_files, START_S, NOW_S - 7 * DAY)
    log(f"{t.prefix}: {n_files} files built")
    pool = max(5, n_files // 500)  # files that come back again and again
    # request times: growing activity (more requests in later years), in time order
    req_times = sorted(START_S + int(span * (rnd.random() ** 0.8)) for _ in range(n_requests))
    states = [0] * 13
    for i, s in enumerate(req_times):
        k = bisect.bisect_right(file_times, s)
        k = max(k, 1)
        file = files[rnd.randrange(min(pool, k))] if rnd.random() < 0.03 else files[rnd.randrange(k)]
        stuck = NOW_S - s > 45 * DAY and rnd.random() < 0.0004
        states[simulate(t, sessions, s, file, stuck)] += 1
        if rnd.random() < 0.5:
            contact(t, min(NOW_S, s + rnd.randrange(-5 * DAY, 5 * DAY)) if s > START_S + 5 * DAY else s, file)
        if rnd.random() < 0.1:
            contact(t, s, None)
        if rnd.random() < 0.002:
            feedback(t, min(NOW_S, s + rnd.randrange(0, 3 * DAY)))
        if (i + 1) % args.chunk == 0:
            flush()
            log(f"{t.prefix}: {i + 1:,} / {n_requests:,} requests")
    # files last: the first registration gave some of them a beneficiary number
    for f in files:
        f[30] = REG_NUMBERS.get(f[0])
        BUF["Beneficiaries"].append(tuple(f))
    flush()
    log(f"{t.prefix}: states {dict((i, c) for i, c in enumerate(states) if c)}")
    return states


t_main = Tenant(TENANT)
t_other = Tenant(TENANT2)
# the committee sat through the whole period
cur.execute("update CommitteeMembers set ActiveFrom=? where TenantId in (?,?) and ActiveFrom > ?", (START.date().isoformat(), TENANT, TENANT2, START.date().isoformat()))
states = generate(t_main, args.files, args.requests)
generate(t_other, max(20, args.files // 100), max(20, args.requests // 100))

# ---------------------------------------------------------------------------------------------- numbering afterwards
log("numbering letters and committee sessions per Hijri year, in time order")
for t in (t_main, t_other):
    for year, in cur.execute("select distinct HijriYear from Letters where TenantId=? and Number like '~%' ", (t.id,)).fetchall():
        base = t.counters.get(f"letter-out-{year}", 0)
        cur.execute("BEGIN")
        cur.execute("""update Letters set Sequence = n.seq, Number = ? || '/' || Letters.HijriYear || '/' || printf('%04d', n.seq)
                       from (select rowid r, ? + row_number() over (order by IssuedAtUtc, Id) seq from Letters
                             where TenantId=? and HijriYear=? and Number like '~%' ) n where Letters.rowid = n.r""", (t.prefix, base, t.id, year))
        t.counters[f"letter-out-{year}"] = one("select max(Sequence) from Letters where TenantId=? and HijriYear=?", t.id, year)
        cur.execute("COMMIT")
    for year, in cur.execute("select distinct HijriYear from CommitteeSessions where TenantId=? and Number like '~%'", (t.id,)).fetchall():
        base = t.counters.get(f"committee-session-{year}", 0)
        cur.execute("BEGIN")
        cur.execute("""update CommitteeSessions set Number = CommitteeSessions.HijriYear || '/' || printf('%02d', n.seq)
                       from (select rowid r, ? + row_number() over (order by HeldOn, Id) seq from CommitteeSessions
                             where TenantId=? and HijriYear=? and Number like '~%') n where CommitteeSessions.rowid = n.r""", (base, t.id, year))
        t.counters[f"committee-session-{year}"] = one("select count(*) from CommitteeSessions where TenantId=? and HijriYear=?", t.id, year)
        cur.execute("COMMIT")
    # counters continue after the generated numbers
    t.counters["BeneficiaryFile"] = one("select count(*) from Beneficiaries where TenantId=?", t.id)
    cur.execute("BEGIN")
    for name, value in t.counters.items():
        if cur.execute("update TenantCounters set Value=? where TenantId=? and Name=?", (value, t.id, name)).rowcount == 0:
            cur.execute("insert into TenantCounters (Id, TenantId, Name, Value) values (?,?,?,?)", (gid(NOW_S), t.id, name, value))
    cur.execute("COMMIT")

# ------------------------------------------------------------------------------------- derived columns and tables
# What the app keeps on every save (ADR 0014), written here for the generated rows, when the schema has them.
if "QueueOrder" in {r[1] for r in cur.execute('pragma table_info("SupportRequests")')}:
    log("SupportRequests.QueueOrder")  # SupportRequest.QueueOrder: due date while awaited, 9999-12-31 other open, else null
    cur.execute("BEGIN")
    cur.execute("""update SupportRequests set QueueOrder = case
                       when State in (3, 4, 5) and DecisionDueOn is not null then DecisionDueOn
                       when State in (0, 1, 2, 3, 4, 5, 6, 8, 9) then '9999-12-31' else null end""")
    cur.execute("COMMIT")
if one("select count(*) from sqlite_master where type='table' and name='NameTokens'"):
    log("NameTokens")  # NameTokenIndex.For: each token of the holder's and each member's search key, once per person
    cur.execute("BEGIN")
    cur.execute("delete from NameTokens where TenantId in (?, ?)", (TENANT, TENANT2))
    people = cur.execute("""select TenantId, Id, FileNumber, null, SearchKey from Beneficiaries where TenantId in (?, ?)
                            union all
                            select b.TenantId, b.Id, b.FileNumber, m.Id, m.SearchKey from BeneficiaryHouseholdMembers m
                            join Beneficiaries b on b.Id = m.BeneficiaryId where b.TenantId in (?, ?)""",
                         (TENANT, TENANT2, TENANT, TENANT2)).fetchall()
    # NameToken.FileNumber (the search's order within a token) exists from migration NameTokenFileNumber on.
    with_file = "FileNumber" in [c[1] for c in cur.execute("pragma table_info(NameTokens)")]
    cur.executemany('insert into NameTokens (Id, TenantId, BeneficiaryId, MemberId, Token'
                    + (', FileNumber) values (?,?,?,?,?,?)' if with_file else ') values (?,?,?,?,?)'),
                    ((uid(), tenant, owner, member, token[:100]) + ((file_number,) if with_file else ())
                     for tenant, owner, file_number, member, key in people for token in dict.fromkeys((key or "").split())))
    cur.execute("COMMIT")

if one("select count(*) from sqlite_master where type='table' and name='DecisionDays'"):
    # Maintained summaries (ADR 0015), rebuilt over every association (the demo's rows too) with the SQL of
    # Juthuruna.Data.TallyBackfill.Rebuild: decisions per day, requests per state, survey answers per month, service, channel and branch.
    log("DecisionDays, RequestStateCounts, SurveyTallies")
    cur.execute("BEGIN")
    cur.execute("delete from DecisionDays")
    cur.execute("""insert into DecisionDays (TenantId, Day, Decided, WithinWindow)
                   select TenantId, DecidedOn, count(*), sum(case when DecisionDueOn is not null and DecidedOn <= DecisionDueOn then 1 else 0 end)
                   from SupportRequests where DecidedOn is not null group by TenantId, DecidedOn""")
    cur.execute("delete from RequestStateCounts")
    cur.execute("insert into RequestStateCounts (TenantId, State, Requests) select TenantId, State, count(*) from SupportRequests group by TenantId, State")
    cur.execute("delete from SurveyTallies")
    cur.execute("""insert into SurveyTallies (TenantId, Month, ServiceId, Channel, BranchId, Answers, OverallSum, CourtesySum, SpeedSum, ClaritySum)
                   select TenantId, AnsweredMonth, ServiceId, Channel, coalesce(BranchId, '00000000-0000-0000-0000-000000000000'),
                          count(*), sum(Overall), sum(Courtesy), sum(Speed), sum(Clarity)
                   from SurveyResponses group by TenantId, AnsweredMonth, ServiceId, Channel, coalesce(BranchId, '00000000-0000-0000-0000-000000000000')""")
    cur.execute("COMMIT")

if one("select count(*) from sqlite_master where type='table' and name='RequestTallies'"):
    # The board report's per-day summaries (ADR 0022), with the SQLite SQL of Juthuruna.Data.ReportTallyBackfill.Rebuild.
    log("RequestTallies, DecisionTallies, ServiceTallies, ContactTallies")
    NB = "'00000000-0000-0000-0000-000000000000'"
    cur.execute("BEGIN")
    cur.execute("delete from RequestTallies")
    cur.execute(f"""insert into RequestTallies (TenantId, Day, ServiceId, BranchId, Channel, Received, Deferred)
                   select TenantId, Day, ServiceId, BranchId, Channel, sum(Received), sum(Deferred) from (
                     select TenantId, SubmittedOn as Day, ServiceId, coalesce(BranchId, {NB}) as BranchId, Channel, 1 as Received, 0 as Deferred
                     from SupportRequests where SubmittedOn is not null
                     union all
                     select h.TenantId, date(h.AtUtc, '+3 hours'), r.ServiceId, coalesce(r.BranchId, {NB}), r.Channel, 0, 1
                     from RequestHistory h join SupportRequests r on r.Id = h.RequestId where h.[Trigger] = 10)
                   group by TenantId, Day, ServiceId, BranchId, Channel""")
    cur.execute("delete from DecisionTallies")
    cur.execute(f"""insert into DecisionTallies (TenantId, Day, ServiceId, BranchId, DaysToDecide, Approved, Rejected, WithinWindow)
                   select TenantId, DecidedOn, ServiceId, coalesce(BranchId, {NB}),
                          case when VerifiedOn is null then -1 else cast(julianday(DecidedOn) - julianday(VerifiedOn) as integer) end,
                          sum(case when State = 7 then 0 else 1 end), sum(case when State = 7 then 1 else 0 end),
                          sum(case when DecisionDueOn is not null and DecidedOn <= DecisionDueOn then 1 else 0 end)
                   from SupportRequests where DecidedOn is not null
                   group by TenantId, DecidedOn, ServiceId, coalesce(BranchId, {NB}),
                            case when VerifiedOn is null then -1 else cast(julianday(DecidedOn) - julianday(VerifiedOn) as integer) end""")
    cur.execute("delete from ServiceTallies")
    cur.execute(f"""insert into ServiceTallies (TenantId, Day, ServiceId, BranchId, Registrations, ApprovedHalalas, Deliveries, InKind, Quantity, DisbursedHalalas)
                   select TenantId, Day, ServiceId, BranchId, sum(a), sum(b), sum(c), sum(d), sum(e), sum(f) from (
                     select g.TenantId, date(g.RegisteredAtUtc, '+3 hours') as Day, r.ServiceId, coalesce(r.BranchId, {NB}) as BranchId,
                            1 as a, coalesce(g.ApprovedAmountHalalas, 0) as b, 0 as c, 0 as d, 0 as e, 0 as f
                     from Registrations g join SupportRequests r on r.Id = g.RequestId
                     union all
                     select d.TenantId, d.DeliveredOn, d.ServiceId, coalesce(r.BranchId, {NB}), 0, 0, 1,
                            case when d.AmountHalalas is null and d.Quantity is not null then 1 else 0 end,
                            case when d.AmountHalalas is null and d.Quantity is not null then d.Quantity else 0 end,
                            coalesce(d.AmountHalalas, 0)
                     from ServiceDeliveries d join SupportRequests r on r.Id = d.RequestId)
                   group by TenantId, Day, ServiceId, BranchId""")
    cur.execute("delete from ContactTallies")
    cur.execute(f"""insert into ContactTallies (TenantId, Day, Channel, BranchId, Contacts)
                   select TenantId, date(OccurredAtUtc, '+3 hours'), Channel, coalesce(BranchId, {NB}), count(*)
                   from Contacts group by TenantId, date(OccurredAtUtc, '+3 hours'), Channel, coalesce(BranchId, {NB})""")
    cur.execute("COMMIT")

# ------------------------------------------------------------------------------------------------- indexes, ANALYZE
log(f"recreating {len(INDEXES)} indexes")
for name, sql in INDEXES:
    t1 = time.time()
    cur.execute(sql)
    if time.time() - t1 > 5:
        log(f"  {name}: {time.time() - t1:.0f}s")
log("ANALYZE")
cur.execute("ANALYZE")
cur.execute(f"PRAGMA journal_mode={JOURNAL}")
con.close()

rows = sum(COUNTS.values())
log("rows inserted: " + ", ".join(f"{t} {c:,}" for t, c in sorted(COUNTS.items(), key=lambda x: -x[1]) if c))
open_n = sum(states[0:6])
print(f"done: {args.files:,} files, {args.requests:,} requests ({open_n:,} open), {rows:,} rows in {time.time() - T0:.0f}s")
