cluster "bw-cluster-1" {
  xsps = "xsp1"
}
