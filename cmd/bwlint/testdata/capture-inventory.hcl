# The inventory of a deployment not yet captured: the plan is for these
# hosts.
host "as1" {
  role = "as"
}

cluster "bw-cluster-1" {
  application_servers = ["as1", "as2"]
  xsps                = ["xsp1"]
}
