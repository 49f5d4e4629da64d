# Deploys helm/game-backend to an existing cluster. Secrets go into a Kubernetes Secret this module owns (the chart
# reads it through secrets.existingSecret), so they never pass through Helm values.

resource "kubernetes_namespace_v1" "this" {
  count = var.create_namespace ? 1 : 0

  metadata {
    name = var.namespace
    labels = {
      "app.kubernetes.io/part-of" = "game-backend"
    }
  }
}

resource "random_password" "jwt" {
  length  = 64
  special = false
}

locals {
  namespace   = var.create_namespace ? kubernetes_namespace_v1.this[0].metadata[0].name : var.namespace
  secret_name = "${var.release_name}-secrets"
  jwt_secret  = var.jwt_secret != "" ? var.jwt_secret : random_password.jwt.result

  secret_data = merge(
    {
      DATABASE_URL = var.database_url
      RABBITMQ_URL = var.rabbitmq_url
      JWT_SECRET   = local.jwt_secret
    },
    var.admin_password != "" ? { ADMIN_PASSWORD = var.admin_password } : {},
    var.redis_password != "" ? { SPRING_DATA_REDIS_PASSWORD = var.redis_password } : {},
  )

  values = {
    mode         = var.mode
    replicaCount = var.replicas
    image = {
      repository = var.image_repository
      tag        = var.image_tag
    }
    config = {
      PUBLIC_URL = var.public_url != "" ? var.public_url : (var.ingress_host != "" ? "https://${var.ingress_host}" : "")
      REDIS_HOST = var.redis_host
      REDIS_PORT = tostring(var.redis_port)
    }
    secrets = {
      existingSecret = local.secret_name
    }
    resources = {
      requests = {
        cpu    = var.resources.cpu_request
        memory = var.resources.memory_request
      }
      limits = {
        memory = var.resources.memory_limit
      }
    }
    autoscaling = {
      enabled                        = var.autoscaling.enabled
      minReplicas                    = var.autoscaling.min
      maxReplicas                    = var.autoscaling.max
      targetCPUUtilizationPercentage = var.autoscaling.cpu_percent
    }
    serviceMonitor = {
      enabled = var.service_monitor
    }
    ingress = {
      enabled   = var.ingress_host != ""
      className = var.ingress_class
      hosts = [{
        host  = var.ingress_host
        paths = [{ path = "/", pathType = "Prefix" }]
      }]
      tls = var.ingress_tls_secret != "" ? [{ secretName = var.ingress_tls_secret, hosts = [var.ingress_host] }] : []
    }
  }
}

resource "kubernetes_secret_v1" "app" {
  metadata {
    name      = local.secret_name
    namespace = local.namespace
    labels = {
      "app.kubernetes.io/instance" = var.release_name
    }
  }

  data = local.secret_data
}

resource "helm_release" "game_backend" {
  name      = var.release_name
  namespace = local.namespace
  chart     = var.chart_path

  values = compact([yamlencode(local.values), var.extra_values])

  # the chart's rollout waits for readiness; a failed upgrade rolls back by itself
  wait            = true
  atomic          = true
  cleanup_on_fail = true
  timeout         = var.timeout_seconds

  # a new secret value restarts the pods through this annotation
  set {
    name  = "podAnnotations.checksum/external-secret"
    value = nonsensitive(sha256(jsonencode(local.secret_data)))
  }

  depends_on = [kubernetes_secret_v1.app]
}
