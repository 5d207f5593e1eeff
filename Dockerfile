# syntax=docker/dockerfile:1
# Juthuruna web app: build with the .NET 10 SDK, run on Debian 12 with the ASP.NET Core 10 runtime,
# headless Chromium (PDF letters) and the Arabic fonts the letters name.
#
# Why the runtime stage is debian:12-slim and not aspnet:10.0 itself: the .NET 10 images are Ubuntu 24.04
# (no Debian variant is published for .NET 10), and Ubuntu's `chromium` package is only a wrapper that
# installs the snap, which does not work in a container. Debian's `chromium` is a real package, and
# Debian 12 is where PDF rendering was measured (docs/decisions/0004). The runtime itself is copied
# unchanged from mcr.microsoft.com/dotnet/aspnet:10.0.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
# Project files first, so the restore layer is reused until a package changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Juthuruna/Juthuruna.csproj src/Juthuruna/
COPY src/Juthuruna.Migrations.Sqlite/Juthuruna.Migrations.Sqlite.csproj src/Juthuruna.Migrations.Sqlite/
COPY src/Juthuruna.Migrations.SqlServer/Juthuruna.Migrations.SqlServer.csproj src/Juthuruna.Migrations.SqlServer/
COPY src/Juthuruna.Web/Juthuruna.Web.csproj src/Juthuruna.Web/
RUN dotnet restore src/Juthuruna.Web/Juthuruna.Web.csproj
COPY src/ src/
RUN dotnet publish src/Juthuruna.Web/Juthuruna.Web.csproj -c Release --no-restore -o /app/publish /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS dotnet-runtime

FROM debian:12-slim AS runtime
# .NET runtime dependencies (as in the official runtime-deps images), Chromium and the Arabic fonts, curl for
# the health check.
RUN apt-get update -qq \
    && apt-get install -y --no-install-recommends \
        ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata zlib1g \
        chromium fonts-hosny-amiri fonts-noto-core curl \
    && rm -rf /var/lib/apt/lists/*
COPY --from=dotnet-runtime /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

# Same non-root uid as the official images' "app" user.
ARG APP_UID=1654
RUN groupadd --gid "$APP_UID" app && useradd --uid "$APP_UID" --gid app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app
COPY --from=build /app/publish .
# App_Data holds the SQLite file (if used), uploads, data-protection keys and the JSON logs: mount a volume here.
RUN mkdir -p /app/App_Data && chown -R app:app /app/App_Data
VOLUME /app/App_Data

ENV DOTNET_ROOT=/usr/share/dotnet \
    ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "Juthuruna.Web.dll"]
