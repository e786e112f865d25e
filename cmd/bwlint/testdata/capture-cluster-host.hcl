# as3 joined the cluster and has not been captured yet.
cluster "bw-cluster-1" {
  application_servers = ["as1", "as2", "as3"]
}
