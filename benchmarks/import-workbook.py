#!/usr/bin/env python3
"""A generated import workbook for the speed and memory figures of issue 15.

    benchmarks/import-workbook.py OUT.xlsx [FILES=50000] [--errors N]

Writes the template's three sheets (Arabic names and headers) with FILES beneficiary files, about 1.5 household
members per file and one past-aid row per two files; valid national IDs (check digit), Saudi mobiles, Hijri and
Gregorian birth dates. --errors N spoils N files (a wrong check digit) so the refused-rows path is measured too.
Standard library only: the .xlsx is written as XML in a zip, streamed (inline strings, like the app's writer).
"""
import random
import sys
import zipfile
from xml.sax.saxutils import escape

FILES_SHEET, MEMBERS_SHEET, AID_SHEET = "ملفات المستفيدين", "أفراد الأسرة", "المساعدات السابقة"
FILE_HEADERS = ["نوع الهوية", "رقم الهوية", "الاسم الأول", "اسم الأب", "اسم الجد", "اسم العائلة", "الجنس",
                "تاريخ الميلاد (هجري أو ميلادي)", "الجنسية", "الحالة الاجتماعية", "الجوال", "المدينة", "الحي",
                "الحالة الوظيفية", "نوع السكن", "الدخل الشهري: الضمان الاجتماعي"]
MEMBER_HEADERS = ["رقم هوية صاحب الملف", "اسم الفرد", "صلة القرابة", "رقم الهوية", "تاريخ الميلاد (هجري أو ميلادي)"]
AID_HEADERS = ["رقم هوية صاحب الملف", "تاريخ المساعدة (هجري أو ميلادي)", "ما قُدِّم", "المبلغ (ريال)"]
FIRST = ["محمد", "أحمد", "عبد الله", "خالد", "سعد", "فهد", "نورة", "سارة", "منى", "هند", "عبد الرحمن", "سلطان"]
FAMILY = ["الحربي", "الغامدي", "القحطاني", "الزهراني", "العتيبي", "الشهري", "المالكي", "الدوسري"]
DISTRICTS = ["الحمدانية", "الصفا", "السامر", "النعيم", "الفيصلية"]


def check_digit(nine: str) -> str:
    total = 0
    for i, ch in enumerate(nine):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d = d // 10 + d % 10
        total += d
    return nine + str((10 - total % 10) % 10)


def national_id(n: int) -> str:
    return check_digit("1" + f"{n:08d}")


def col(i: int) -> str:
    name = ""
    n = i + 1
    while n:
        n, r = divmod(n - 1, 26)
        name = chr(65 + r) + name
    return name


def row_xml(number: int, values) -> str:
    cells = []
    for i, v in enumerate(values):
        if v is None or v == "":
            continue
        cells.append(f'<c r="{col(i)}{number}" t="inlineStr"><is><t>{escape(str(v))}</t></is></c>')
    return f'<row r="{number}">{"".join(cells)}</row>'


def sheet(z: zipfile.ZipFile, path: str, headers, rows):
    with z.open(path, "w", force_zip64=True) as f:
        f.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                b'<sheetViews><sheetView rightToLeft="1" workbookViewId="0"/></sheetViews><sheetData>')
        f.write(row_xml(1, headers).encode())
        for i, values in enumerate(rows, start=2):
            f.write(row_xml(i, values).encode())
        f.write(b"</sheetData></worksheet>")


def main():
    out = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 and not sys.argv[2].startswith("--") else 50_000
    errors = int(sys.argv[sys.argv.index("--errors") + 1]) if "--errors" in sys.argv else 0
    rng = random.Random(15)
    holders = [national_id(10_000_000 + i) for i in range(files)]
    spoiled = set(rng.sample(range(files), errors)) if errors else set()

    def file_rows():
        for i, hid in enumerate(holders):
            ident = hid[:9] + str((int(hid[9]) + 1) % 10) if i in spoiled else hid
            hijri = rng.random() < 0.5
            birth = f"{rng.randint(1370, 1420)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if hijri \
                else f"{rng.randint(1955, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            yield ["هوية وطنية", ident, rng.choice(FIRST), rng.choice(FIRST), rng.choice(FIRST), rng.choice(FAMILY),
                   "ذكر", birth, "سعودي", "متزوج", f"05{rng.randint(50000000, 99999999)}", "جدة",
                   rng.choice(DISTRICTS), "لا يعمل", "سكن مستأجر", str(rng.randint(0, 3000))]

    def member_rows():
        n = 0
        for i, hid in enumerate(holders):
            for _ in range(1 if i % 2 else 2):
                n += 1
                yield [hid, f"{rng.choice(FIRST)} {rng.choice(FAMILY)}", "ابن", national_id(60_000_000 + n),
                       f"{rng.randint(2005, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"]

    def aid_rows():
        for i, hid in enumerate(holders):
            if i % 2 == 0:
                yield [hid, f"14{rng.randint(40, 45)}-{rng.randint(1, 12):02d}-01", "سلة غذائية", str(rng.randint(100, 900))]

    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in (1, 2, 3))
                   + "</Types>")
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
                   f'<sheet name="{FILES_SHEET}" sheetId="1" r:id="rId1"/><sheet name="{MEMBERS_SHEET}" sheetId="2" r:id="rId2"/>'
                   f'<sheet name="{AID_SHEET}" sheetId="3" r:id="rId3"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in (1, 2, 3))
                   + "</Relationships>")
        sheet(z, "xl/worksheets/sheet1.xml", FILE_HEADERS, file_rows())
        sheet(z, "xl/worksheets/sheet2.xml", MEMBER_HEADERS, member_rows())
        sheet(z, "xl/worksheets/sheet3.xml", AID_HEADERS, aid_rows())


if __name__ == "__main__":
    main()
