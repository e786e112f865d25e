# Policy for the example snapshot: a waiver for a patch that is scheduled,
# and two site rules. docs/config.md describes every block.

lint {
  fail_on = "warning"
  checks  = ["all"]
}

# as2 runs R24 without ap384177; the patch is scheduled, so its finding is
# accepted until the change window closes. It is still reported, marked
# waived, and counts again if the waiver lapses.
waiver "as2-patch-window" {
  check       = "as_required_patches"
  hosts       = ["as2"]
  reason      = "ap384177 is applied in change CHG-1234"
  owner       = "voice-ops"
  approved_by = "change advisory board, CAB-2026-41"
  granted     = "2026-11-02"
  expires     = "2027-01-31"
}

# Site rules: checks written here instead of in Go.
rule "site_client_cert_auth" {
  title    = "client applications must authenticate with certificates"
  severity = "warning"
  role     = "xsp"
  context  = "System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
  key      = "allowClientApp"
  equals   = "true"
  fix      = "Set allowClientApp to true on each XSP named in a finding."
}

rule "site_provisioning_url_option" {
  title    = "flow-through provisioning uses the provisioning URL"
  severity = "error"
  role     = "as"
  context  = "Maintenance/ContainerOptions"
  column   = "Option Value"
  row_key  = ["Container Name=provisioning", "Option Name=bw.imp.useProvisioningUrl"]
  equals   = "true"
  fix      = <<-EOT
    Enable the option on each AS named in a finding:
    `AS_CLI/Maintenance/ContainerOptions> add provisioning bw.imp.useProvisioningUrl true`.
  EOT
}
