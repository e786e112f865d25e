# Any host that captured the context: only as1 did.
rule "site_provisioning_user" {
  title   = "the provisioning account is the standard one"
  context = "Interface/Messaging"
  key     = "provisioningUserId"
  equals  = "w4b-prov-ops"
}

rule "site_snmp_captured" {
  title   = "SNMP settings are in the capture"
  role    = "any"
  context = "System/SNMP/Agent"
  key     = "sysLocation"
  present = true
}
