variable "namespace" {
  description = "Kubernetes namespace for the release (created when create_namespace is true)."
  type        = string
  default     = "game-backend"
}

variable "create_namespace" {
  description = "Create the namespace."
  type        = bool
  default     = true
}

variable "release_name" {
  description = "Helm release name."
  type        = string
  default     = "game-backend"
}

variable "chart_path" {
  description = "Path to the helm/game-backend chart (a local path or a chart repository reference)."
  type        = string
}

variable "image_repository" {
  description = "Image built by scripts/docker-safe-build.sh and pushed to a registry the cluster can pull from."
  type        = string
}

variable "image_tag" {
  description = "Image tag (the git revision docker-safe-build.sh tags with)."
  type        = string
}

variable "mode" {
  description = "connected (one replica) or cluster (several replicas coordinating through Redis)."
  type        = string
  default     = "connected"

  validation {
    condition     = contains(["connected", "cluster"], var.mode)
    error_message = "mode must be connected or cluster."
  }
}

variable "replicas" {
  description = "Pods to run; more than one needs mode = \"cluster\"."
  type        = number
  default     = 1
}

variable "database_url" {
  description = "postgres://user:pass@host:5432/db of the external PostgreSQL."
  type        = string
  sensitive   = true
}

variable "redis_host" {
  description = "Host of the external Redis."
  type        = string
}

variable "redis_port" {
  description = "Port of the external Redis."
  type        = number
  default     = 6379
}

variable "redis_password" {
  description = "Password of the external Redis (empty: none)."
  type        = string
  default     = ""
  sensitive   = true
}

variable "rabbitmq_url" {
  description = "amqp://user:pass@host:5672 (amqps:// for TLS) of the external RabbitMQ."
  type        = string
  sensitive   = true
}

variable "jwt_secret" {
  description = "HS256 signing secret, at least 32 bytes; empty: one is generated and kept in the Terraform state."
  type        = string
  default     = ""
  sensitive   = true

  validation {
    condition     = var.jwt_secret == "" || length(var.jwt_secret) >= 32
    error_message = "jwt_secret must be at least 32 bytes (openssl rand -base64 48)."
  }
}

variable "admin_password" {
  description = "Creates the admin account at start when set (at least 12 characters)."
  type        = string
  default     = ""
  sensitive   = true
}

variable "public_url" {
  description = "Base URL of the API (https://your-host)."
  type        = string
  default     = ""
}

variable "ingress_host" {
  description = "Host name for the Ingress; empty: no Ingress."
  type        = string
  default     = ""
}

variable "ingress_class" {
  description = "IngressClass of the cluster's ingress controller."
  type        = string
  default     = "nginx"
}

variable "ingress_tls_secret" {
  description = "TLS secret for ingress_host (for example made by cert-manager); empty: plain HTTP."
  type        = string
  default     = ""
}

variable "service_monitor" {
  description = "Create a ServiceMonitor (needs the Prometheus Operator)."
  type        = bool
  default     = false
}

variable "autoscaling" {
  description = "HorizontalPodAutoscaler on CPU between min and max replicas (needs mode = \"cluster\")."
  type = object({
    enabled     = bool
    min         = number
    max         = number
    cpu_percent = number
  })
  default = {
    enabled     = false
    min         = 2
    max         = 10
    cpu_percent = 70
  }
}

variable "resources" {
  description = "Container requests and limits."
  type = object({
    cpu_request    = string
    memory_request = string
    memory_limit   = string
  })
  default = {
    cpu_request    = "500m"
    memory_request = "1Gi"
    memory_limit   = "1Gi"
  }
}

variable "extra_values" {
  description = "More chart values as YAML, merged last (see helm/game-backend/values.yaml)."
  type        = string
  default     = ""
}

variable "timeout_seconds" {
  description = "How long helm waits for the rollout."
  type        = number
  default     = 600
}
