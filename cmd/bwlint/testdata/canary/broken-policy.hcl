# A policy with mistakes on the lines that hold secrets.
rule "site_prov_password" {
  title   = "the provisioning password is the site's"
  role    = "as"
  context = "Interface/Messaging"
  key     = "provisioningPassword"
  equals  = "Cnry28a"
  equal   = "Cnry29a"
  fix     = "Set the site's provisioning password."
}

rule "site_snmp" {
  title   = "the SNMP community is the site's"
  role    = "as"
  context = "Interface/SNMP"
  key     = "readCommunity"
  equals  = 12345
  one_of  = ["Cnry30a"]
  fix     = "Set the site's community."
}

rule "site_url" {
  title   = "the URL is the site's"
  role    = "ase"
  context = "Interface/Messaging"
  key     = "provisioningUrl"
  equals  = "https://prov:Cnry31a@bridge.example.net/p"
  fix     = "Set the URL."
}
