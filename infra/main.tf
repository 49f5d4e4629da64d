# game-backend on an existing Kubernetes cluster: optionally managed PostgreSQL/Redis/RabbitMQ on AWS, then the
# helm/game-backend chart. scripts/bootstrap.sh (make bootstrap) runs init, plan and apply; see README.md here.

module "managed_services" {
  source = "./modules/managed-services"
  count  = var.create_managed_services ? 1 : 0

  name                = "game-backend"
  vpc_id              = var.vpc_id
  subnet_ids          = var.subnet_ids
  allowed_cidr_blocks = var.allowed_cidr_blocks
}

locals {
  managed      = var.create_managed_services ? module.managed_services[0] : null
  database_url = local.managed != null ? local.managed.database_url : var.database_url
  redis_host   = local.managed != null ? local.managed.redis_host : var.redis_host
  redis_port   = local.managed != null ? local.managed.redis_port : var.redis_port
  rabbitmq_url = local.managed != null ? local.managed.rabbitmq_url : var.rabbitmq_url
}

module "game_backend" {
  source = "./modules/game-backend"

  namespace          = var.namespace
  chart_path         = "${path.root}/../helm/game-backend"
  image_repository   = var.image_repository
  image_tag          = var.image_tag
  mode               = var.mode
  replicas           = var.replicas
  database_url       = local.database_url
  redis_host         = local.redis_host
  redis_port         = local.redis_port
  rabbitmq_url       = local.rabbitmq_url
  jwt_secret         = var.jwt_secret
  admin_password     = var.admin_password
  ingress_host       = var.ingress_host
  ingress_tls_secret = var.ingress_tls_secret
  service_monitor    = var.service_monitor
}

check "external_services_named" {
  assert {
    condition     = var.create_managed_services || (var.database_url != "" && var.redis_host != "" && var.rabbitmq_url != "")
    error_message = "Set database_url, redis_host and rabbitmq_url, or create_managed_services = true."
  }
}
