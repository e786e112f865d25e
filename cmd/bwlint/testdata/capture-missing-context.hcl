# Two site rules whose contexts the example's as1 was never captured in:
# one for every AS (a host without the context is a capture that failed),
# one for any role (captured where the context exists).
rule "site_snmp_port" {
  title   = "the SNMP agent listens on the site's port"
  role    = "as"
  context = "Interface/SNMP/Agent"
  key     = "port"
  equals  = "8001"
  fix     = "Set the port of the SNMP agent."
}

rule "site_ntp_server" {
  title   = "the time comes from the site's NTP server"
  role    = "any"
  context = "System/NTP"
  key     = "server"
  equals  = "ntp.example.net"
  fix     = "Set the NTP server."
}
