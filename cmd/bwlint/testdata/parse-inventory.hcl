# What the operator knows better than the captures: as2 is to be read as
# R23, and a second cluster the snapshot has no file for.
host "as2" {
  release = "23.0"
}

cluster "bw-cluster-2" {
  xsps                = ["xsp2"]
  application_servers = ["as3"]
}
