variable "kubeconfig_path" {
  description = "kubeconfig of the existing cluster."
  type        = string
  default     = "~/.kube/config"
}

variable "kube_context" {
  description = "Context in the kubeconfig (empty: its current context)."
  type        = string
  default     = ""
}

variable "namespace" {
  description = "Namespace of the release."
  type        = string
  default     = "game-backend"
}

variable "image_repository" {
  description = "Registry path of the image (scripts/docker-safe-build.sh, then docker push)."
  type        = string
}

variable "image_tag" {
  description = "Image tag; scripts/bootstrap.sh passes the current git revision."
  type        = string
}

variable "mode" {
  description = "connected or cluster."
  type        = string
  default     = "connected"
}

variable "replicas" {
  description = "Pods to run (more than one needs mode = \"cluster\")."
  type        = number
  default     = 1
}

variable "ingress_host" {
  description = "Public host name (empty: no Ingress)."
  type        = string
  default     = ""
}

variable "ingress_tls_secret" {
  description = "TLS secret for ingress_host (empty: plain HTTP)."
  type        = string
  default     = ""
}

variable "service_monitor" {
  description = "Create a ServiceMonitor for the Prometheus Operator."
  type        = bool
  default     = false
}

variable "admin_password" {
  description = "Creates the admin account (at least 12 characters; empty: none)."
  type        = string
  default     = ""
  sensitive   = true
}

variable "jwt_secret" {
  description = "HS256 secret, at least 32 bytes (empty: generated and kept in the state)."
  type        = string
  default     = ""
  sensitive   = true
}

# ---- external services: either your own ...

variable "database_url" {
  description = "postgres://user:pass@host:5432/db when create_managed_services is false."
  type        = string
  default     = ""
  sensitive   = true
}

variable "redis_host" {
  description = "Redis host when create_managed_services is false."
  type        = string
  default     = ""
}

variable "redis_port" {
  description = "Redis port when create_managed_services is false."
  type        = number
  default     = 6379
}

variable "rabbitmq_url" {
  description = "amqp://user:pass@host:5672 when create_managed_services is false."
  type        = string
  default     = ""
  sensitive   = true
}

# ---- ... or managed ones on AWS

variable "create_managed_services" {
  description = "Create RDS PostgreSQL, ElastiCache Redis and Amazon MQ RabbitMQ (modules/managed-services)."
  type        = bool
  default     = false
}

variable "aws_region" {
  description = "AWS region of the managed services."
  type        = string
  default     = "eu-west-1"
}

variable "vpc_id" {
  description = "VPC of the cluster (managed services only)."
  type        = string
  default     = ""
}

variable "subnet_ids" {
  description = "Private subnets of the cluster (managed services only)."
  type        = list(string)
  default     = []
}

variable "allowed_cidr_blocks" {
  description = "CIDR blocks of the cluster's nodes or pods (managed services only)."
  type        = list(string)
  default     = []
}
