{{/*
Names, labels and shared fragments. Layout follows `helm create`; names follow Bitnami's conventions.
*/}}

{{/* Expand the name of the chart. */}}
{{- define "spikelot.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name, truncated to leave room for suffixes ("-worker-<pool>").
If the release name contains the chart name it is used as the full name.
*/}}
{{- define "spikelot.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart name and version as used by the chart label. */}}
{{- define "spikelot.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Common labels. */}}
{{- define "spikelot.labels" -}}
helm.sh/chart: {{ include "spikelot.chart" . }}
{{ include "spikelot.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: spikelot
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Selector labels. */}}
{{- define "spikelot.selectorLabels" -}}
app.kubernetes.io/name: {{ include "spikelot.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Common annotations block (metadata.annotations), empty when none. */}}
{{- define "spikelot.annotations" -}}
{{- with .Values.commonAnnotations }}
annotations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/* Resource names. */}}
{{- define "spikelot.api.fullname" -}}
{{- printf "%s-api" (include "spikelot.fullname" .) }}
{{- end }}

{{/* Worker Deployment name of one pool; call with (dict "root" $ "pool" $poolName). */}}
{{- define "spikelot.worker.fullname" -}}
{{- printf "%s-worker-%s" (include "spikelot.fullname" .root) .pool | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "spikelot.configMapName" -}}
{{- printf "%s-config" (include "spikelot.fullname" .) }}
{{- end }}

{{/* Secret holding api-keys and worker-token. */}}
{{- define "spikelot.authSecretName" -}}
{{- default (printf "%s-auth" (include "spikelot.fullname" .)) .Values.auth.existingSecret }}
{{- end }}

{{/* Secret holding the database password (read by the API only). */}}
{{- define "spikelot.databaseSecretName" -}}
{{- default (printf "%s-database" (include "spikelot.fullname" .)) .Values.externalDatabase.existingSecret }}
{{- end }}

{{- define "spikelot.databaseSecretKey" -}}
{{- if .Values.externalDatabase.existingSecret }}{{ .Values.externalDatabase.existingSecretPasswordKey }}{{ else }}password{{ end }}
{{- end }}

{{/* Secret holding the RabbitMQ password and, for KEDA, the management URL. */}}
{{- define "spikelot.rabbitmqSecretName" -}}
{{- default (printf "%s-rabbitmq" (include "spikelot.fullname" .)) .Values.externalRabbitmq.existingSecret }}
{{- end }}

{{- define "spikelot.rabbitmqSecretKey" -}}
{{- if .Values.externalRabbitmq.existingSecret }}{{ .Values.externalRabbitmq.existingSecretPasswordKey }}{{ else }}rabbitmq-password{{ end }}
{{- end }}

{{- define "spikelot.rabbitmqManagementUrlKey" -}}
{{- if .Values.externalRabbitmq.existingSecret }}{{ .Values.externalRabbitmq.existingSecretManagementUrlKey }}{{ else }}rabbitmq-management-url{{ end }}
{{- end }}

{{/* Create the name of the service account to use. */}}
{{- define "spikelot.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "spikelot.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference; call with (dict "image" $imageValues "root" $).
A digest wins over a tag; the tag defaults to the chart appVersion.
*/}}
{{- define "spikelot.image" -}}
{{- $registry := .image.registry -}}
{{- $repository := .image.repository -}}
{{- $prefix := ternary $repository (printf "%s/%s" $registry $repository) (empty $registry) -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $prefix .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $prefix (default .root.Chart.AppVersion .image.tag | toString) -}}
{{- end -}}
{{- end }}

{{/* JDBC URL of the external database. */}}
{{- define "spikelot.jdbcUrl" -}}
{{- $db := .Values.externalDatabase -}}
{{- printf "jdbc:postgresql://%s:%v/%s" $db.host $db.port $db.database -}}
{{- with $db.jdbcParameters }}{{ printf "?%s" . }}{{ end -}}
{{- end }}

{{/* Prometheus scrape annotations for a management port; call with (dict "root" $ "port" 8080). */}}
{{- define "spikelot.metricsAnnotations" -}}
{{- if .root.Values.metrics.podAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: /actuator/prometheus
{{- end }}
{{- end }}

{{/* Pod-level scheduling/security bits shared by API and workers. */}}
{{- define "spikelot.podSecurityContext" -}}
{{- toYaml .Values.podSecurityContext }}
{{- end }}

{{- define "spikelot.containerSecurityContext" -}}
{{- toYaml .Values.containerSecurityContext }}
{{- end }}

{{/* Fail early on values that would render a broken release. */}}
{{- define "spikelot.validate" -}}
{{- if and .Values.api.readinessProbe.enabled (le (int .Values.api.readinessProbe.timeoutSeconds) (int .Values.api.dependencyTimeoutSeconds)) }}
{{- fail "api.readinessProbe.timeoutSeconds must exceed api.dependencyTimeoutSeconds, or a database outage shows as probe timeouts instead of DOWN" }}
{{- end }}
{{- if and (eq .Values.api.artifacts.store "filesystem") (gt (int .Values.api.replicaCount) 1) (not .Values.api.artifacts.persistence.existingClaim) (not (has "ReadWriteMany" .Values.api.artifacts.persistence.accessModes)) }}
{{- fail "api.artifacts.store=filesystem with more than one API replica needs a ReadWriteMany volume (api.artifacts.persistence.accessModes or existingClaim)" }}
{{- end }}
{{- range $name, $pool := .Values.workers.pools }}
{{- if and $pool.enabled (eq (toString $pool.device) "gpu") (lt (int (default 0 $pool.gpus)) 1) }}
{{- fail (printf "workers.pools.%s: device=gpu needs gpus >= 1 (a GPU worker that finds no GPU exits)" $name) }}
{{- end }}
{{- end }}
{{- end }}
