provider "kubernetes" {
  config_path    = var.kubeconfig_path
  config_context = var.kube_context != "" ? var.kube_context : null
}

provider "helm" {
  kubernetes {
    config_path    = var.kubeconfig_path
    config_context = var.kube_context != "" ? var.kube_context : null
  }
}

# Used only when create_managed_services is true; credentials come from the usual AWS environment or profile.
provider "aws" {
  region = var.aws_region
}
