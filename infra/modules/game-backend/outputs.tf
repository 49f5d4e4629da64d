output "namespace" {
  description = "Namespace of the release."
  value       = local.namespace
}

output "release_name" {
  description = "Helm release name."
  value       = helm_release.game_backend.name
}

output "release_status" {
  description = "Helm's status of the release."
  value       = helm_release.game_backend.status
}

output "service_name" {
  description = "ClusterIP Service in front of the pods (port 4000)."
  value       = strcontains(var.release_name, "game-backend") ? var.release_name : "${var.release_name}-game-backend"
}

output "public_url" {
  description = "Where players reach the API and the socket."
  value       = local.values.config.PUBLIC_URL
}

output "secret_name" {
  description = "Kubernetes Secret holding DATABASE_URL, RABBITMQ_URL and JWT_SECRET."
  value       = kubernetes_secret_v1.app.metadata[0].name
}
