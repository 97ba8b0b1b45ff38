# IncidentBot: two stages, framework-dependent on the ASP.NET runtime image.
#   docker build -t incidentbot .
# CI builds the same file with local stand-ins of the base images (see README, "Container").
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
# Build servers would outlive the step under chroot isolation (buildah); they gain nothing in a one-off build.
ENV DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /src
# Restore first, from the project files only, so source edits reuse the restore layer.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/IncidentBot.Core/IncidentBot.Core.csproj src/IncidentBot.Core/
COPY src/IncidentBot.Discord/IncidentBot.Discord.csproj src/IncidentBot.Discord/
COPY src/IncidentBot.Slack/IncidentBot.Slack.csproj src/IncidentBot.Slack/
COPY src/IncidentBot/IncidentBot.csproj src/IncidentBot/
RUN dotnet restore src/IncidentBot/IncidentBot.csproj
COPY .editorconfig appsettings.json ./
COPY src/ src/
RUN dotnet publish src/IncidentBot/IncidentBot.csproj -c Release --no-restore -o /app -p:UseSharedCompilation=false

FROM ${RUNTIME_IMAGE}
WORKDIR /app
COPY --from=build /app ./
COPY seeds/ /app/seeds/
# State lives under one volume; configuration comes only from the environment and /run/secrets.
ENV Seeds__Path=/app/seeds \
    Index__Path=/data/index \
    Data__Path=/data/incidentbot.db \
    Logging__Console__FormatterName=json \
    DOTNET_RUNNING_IN_CONTAINER=true
USER root
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["dotnet", "/app/incidentbot.dll", "health"]
ENTRYPOINT ["dotnet", "/app/incidentbot.dll"]
CMD ["serve"]
