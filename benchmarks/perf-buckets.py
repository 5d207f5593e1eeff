#!/usr/bin/env python3
"""CPU of one perf recording by what the code was doing (benchmarks/pages.sh PROFILE=… writes the recordings).

    benchmarks/perf-buckets.py <perf.data> [more.perf.data …]

Reads `perf script` (call graphs) and puts each sample in the bucket of the innermost frame that matches one (frames
searched leaf → root; for one frame, the first bucket in the order below): a resource lookup made while a view
renders counts as localisation, the view's own work as rendering. Prints the share of
samples per bucket, then the top leaf methods of the samples that fell in no bucket.
Run the app with DOTNET_PerfMapEnabled=1 and DOTNET_EnableWriteXorExecute=0 so JIT-compiled frames have names.
"""
import collections, re, subprocess, sys

BUCKETS = [  # (label, regex on a frame); first match wins, frames searched leaf → root
    ("JIT compiling", r"libclrjit|ThePreStub|PreStubWorker|TieredCompilation"),
    ("GC", r"WKS::gc_heap|SVR::gc_heap|GCHeap::|gc_heap::"),
    ("SQLite engine (native)", r"libe_sqlite3"),
    ("EF query compile/cache lookup", r"QueryCompiler|CompiledQueryCache|ExpressionEqualityComparer|QueryTranslation|RelationalParameterBasedSqlProcessor|ParameterExtractingExpressionVisitor|ExpressionTreeFuncletizer"),
    ("EF materialise/track", r"SingleQueryingEnumerable|SplitQueryingEnumerable|StateManager|InternalEntityEntry|Shaper|BufferedDataReader|RelationalDataReader"),
    ("ADO.NET SQLite (managed)", r"Microsoft\.Data\.Sqlite"),
    ("EF other (context, commands, connection)", r"EntityFrameworkCore"),
    ("DI (scopes, service resolution)", r"Microsoft\.Extensions\.DependencyInjection"),
    ("Razor view render", r"AspNetCoreGeneratedDocument|Pages_.*ExecuteAsync|RazorPage|RazorView|TagHelper|HtmlEncoder|HtmlContentBuilder|ViewBuffer"),
    ("Page handler / app code", r"\[Juthuruna(\.Web)?\]"),
    ("Localisation (resx)", r"StringLocalizer|ResourceManager|ResourceReader|RuntimeResourceSet"),
    ("Dates/Hijri", r"UmAlQura|Hijri|Calendar"),
    ("Auth cookie / data protection", r"DataProtection|CookieAuthenticationHandler|SecurityStamp|AuthenticationHandler`|AuthorizationHandler|PolicyEvaluator"),
    ("Antiforgery", r"Antiforgery"),
    ("Logging", r"Serilog\.Core|Serilog\.Sinks|Serilog\.Formatting|Serilog\.Events|Logger`1::Log|LoggerMessage"),
    ("Kestrel/HTTP", r"Kestrel|System\.Net\.Sockets|Http1Connection|PipeWriter|Pipe::"),
    ("Kernel", r"\[kernel\.kallsyms\]|^\w+ \(\[kernel"),
]
APP = re.compile(r"\[Juthuruna(\.Web)?\] (?!.*(Middleware|SecurityHeaders|UploadLimit|PortalTenant|LogContext))")
APP_NAME = re.compile(r"^[0-9a-f]+ |^(instance )?\S+ \[Juthuruna(\.Web)?\] ")
COMPILED = [(l, re.compile(r)) for l, r in BUCKETS]

def samples(path):
    out = subprocess.run(["perf", "script", "-i", path, "-F", "ip,sym,dso"], capture_output=True, text=True, errors="replace").stdout
    stack = []
    for line in out.splitlines():
        if not line.strip():
            if stack:
                yield stack
            stack = []
        else:
            stack.append(line.strip())
    if stack:
        yield stack

for path in sys.argv[1:]:
    total = 0
    counts = collections.Counter()
    other = collections.Counter()
    by_app = collections.Counter()
    sqlite_by_app = collections.Counter()
    for stack in samples(path):
        total += 1
        label = next((l for f in stack for l, rx in COMPILED if rx.search(f)), None)
        app = next((APP_NAME.sub("", f) for f in stack if APP.search(f)), "(no app frame)")
        by_app[app[:140]] += 1
        if label == "SQLite engine (native)":
            sqlite_by_app[app[:140]] += 1
        if label:
            counts[label] += 1
        else:
            counts["other"] += 1
            other[re.sub(r"^[0-9a-f]+ ", "", stack[0])[:150]] += 1
    print(f"== {path}: {total} samples")
    for label, n in counts.most_common():
        print(f"  {100 * n / max(total, 1):5.1f} %  {label}")
    print("  -- per app method (innermost frame of Juthuruna code), with its SQLite engine share:")
    for f, n in by_app.most_common(12):
        print(f"  {100 * n / max(total, 1):5.1f} %  (sqlite {100 * sqlite_by_app[f] / max(total, 1):4.1f} %)  {f}")
    print("  -- top leaves of 'other':")
    for f, n in other.most_common(15):
        print(f"  {100 * n / max(total, 1):5.1f} %    {f}")
