{{/* Names and labels shared by every template. */}}
{{- define "game-backend.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "game-backend.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "game-backend.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "game-backend.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "game-backend.selectorLabels" -}}
app.kubernetes.io/name: {{ include "game-backend.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "game-backend.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "game-backend.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "game-backend.secretName" -}}
{{- default (include "game-backend.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/* Several pods share pools and matches only through Redis: that is cluster mode. */}}
{{- define "game-backend.checkMode" -}}
{{- if not (has .Values.mode (list "connected" "cluster")) }}
{{- fail (printf "mode must be connected or cluster, not %q" .Values.mode) }}
{{- end }}
{{- if and (ne .Values.mode "cluster") (or (gt (int .Values.replicaCount) 1) .Values.autoscaling.enabled) }}
{{- fail "more than one replica (replicaCount > 1 or autoscaling.enabled) needs mode: cluster" }}
{{- end }}
{{- end }}
