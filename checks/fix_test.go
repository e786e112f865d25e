package checks

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/bwlint/bwlint/inputs"
	"github.com/bwlint/bwlint/lint"
	"github.com/bwlint/bwlint/lint/judge"
	"github.com/google/go-cmp/cmp"
)

// fixCase is a bad test case and the steps one of its findings must
// carry: the values of the finding filled in, each command at the
// context it is typed in.
type fixCase struct {
	check string
	dir   string // under testdata/<check>/
	// host and key pick the finding (Host and Logical.Key); a key
	// ending in "*" matches the keys it starts.
	host, key string
	in        string // when set, the end of the finding's context
	opts      any    // the check's options; nil for its defaults
	want      []lint.FixStep
}

// fixCases are the findings whose fix the checks fill in, one or more per
// check and kind of finding.
var fixCases = []fixCase{
	{check: "xsp_token_duration", dir: "example", host: "xsp2", key: "tokenDurationInHours", want: []lint.FixStep{
		{Context: "XSP_CLI/Applications/AuthenticationService/TokenManagement", Command: "set tokenDurationInHours 1440"},
		{Context: "XSP_CLI/Applications/AuthenticationService/TokenManagement", Command: "get"},
		{Comment: "tokens already issued keep the lifetime they were issued with"},
	}},
	{check: "xsp_token_duration", dir: "issuer", host: "xsp2", key: "tokenIssuer", want: []lint.FixStep{
		{Context: "XSP_CLI/Applications/AuthenticationService/TokenManagement", Command: "set tokenIssuer BroadWorks"},
		{Context: "XSP_CLI/Applications/AuthenticationService/TokenManagement", Command: "get"},
	}},
	{check: "xsp_token_duration", dir: "missing_keys", host: "xsp1", key: "tokenIssuer", want: []lint.FixStep{
		{Context: "XSP_CLI/Applications/AuthenticationService/TokenManagement", Command: "set tokenIssuer BroadWorks"},
		{Context: "XSP_CLI/Applications/AuthenticationService/TokenManagement", Command: "get"},
	}},
	{check: "xsp_authservice_url", dir: "farm_differs", host: "xsp3", key: "url (cluster bw-cluster-1)", want: []lint.FixStep{
		{Context: authServiceCtx, Command: "set url http://127.0.0.1:80/authService"},
		{Context: authServiceCtx, Command: "get"},
		{Context: containerCtx, Command: "delete tomcat bw.authservice.authServiceUrl"},
		{Context: containerCtx, Command: "add tomcat bw.authservice.authServiceUrl http://127.0.0.1:80/authService"},
		{Context: containerCtx, Command: "get"},
		{Comment: "restart BroadWorks on xsp3 (restartbw at the shell, in a maintenance window) for the web container to read the option"},
	}},
	// xsp1's container option holds the URL already: it is not added again.
	{check: "xsp_authservice_url", dir: "url_bad", host: "xsp1", key: "url", want: []lint.FixStep{
		{Context: authServiceCtx, Command: "set url http://127.0.0.1:80/authService"},
		{Context: authServiceCtx, Command: "get"},
	}},
	{check: "xsp_authservice_url", dir: "example", host: "xsp2", key: "tomcat bw.authservice.authServiceUrl", want: []lint.FixStep{
		{Context: containerCtx, Command: "delete tomcat bw.authservice.authServiceUrl"},
		{Context: containerCtx, Command: "add tomcat bw.authservice.authServiceUrl http://127.0.0.1:80/authService"},
		{Context: containerCtx, Command: "get"},
		{Comment: "restart BroadWorks on xsp2 (restartbw at the shell, in a maintenance window) for the web container to read the option"},
	}},
	{check: "xsp_authservice_url", dir: "example", key: "authServiceUrl", want: []lint.FixStep{
		{Comment: "in Partner Hub (Settings, BroadWorks Calling), set the authentication service URL of cluster bw-cluster-1 to https://xsp.example.net/authService, the name its Xsi URLs use; then copy the cluster into partnerhub/clusters/bw-cluster-1.json again"},
	}},
	{check: "xsp_identity_provider", dir: "disabled", host: "xsp1", key: "enabled", want: []lint.FixStep{
		{Context: ciscoIDPCtx, Command: "set enabled true"},
		{Context: ciscoIDPCtx, Command: "get"},
	}},
	{check: "xsp_identity_provider", dir: "bad_urls", host: "xsp1", key: "issuerUrl", want: []lint.FixStep{
		{Context: ciscoIDPCtx, Command: "set issuerUrl https://idbroker.webex.com/idb"},
		{Context: ciscoIDPCtx, Command: "get"},
	}},
	// A URL outside the Webex domains has no known correction.
	{check: "xsp_identity_provider", dir: "bad_urls", host: "xsp1", key: "tokenInfoUrl"},
	{check: "xsp_identity_provider", dir: "farm_region", host: "xsp3", key: "tokenInfoUrl (cluster us1)", want: []lint.FixStep{
		{Context: ciscoIDPCtx, Command: "set tokenInfoUrl https://broadworks-idp-proxy-a.wbx2.com/broadworks-idp-proxy/api/v1/idp/authenticate"},
		{Context: ciscoIDPCtx, Command: "get"},
	}},
	{check: "xsp_identity_provider", dir: "scope_missing", host: "xsp1", key: "scope=broadworks-connector:user", want: []lint.FixStep{
		{Context: ciscoIDPCtx + "/Scopes", Command: "set scope broadworks-connector:user"},
		{Context: ciscoIDPCtx + "/Scopes", Command: "get"},
	}},
	{check: "xsp_xsi_events_app_name", dir: "example", host: "xsp3", key: "callControlApplicationName*", want: xsiNameFix("xsp3", "com.broadsoft.xsi-events")},
	// A host without a name takes the one the other hosts use.
	{check: "xsp_xsi_events_app_name", dir: "missing_beside_peers", host: "xsp3", key: "callControlApplicationName", want: xsiNameFix("xsp3", "com.broadsoft.xsi-events")},
	{check: "xsp_xsi_events_app_name", dir: "missing_beside_peers", host: "xsp4", key: "callControlApplicationName", want: xsiNameFix("xsp4", "com.broadsoft.xsi-events")},
	// With no other host named, the name is not known.
	{check: "xsp_xsi_events_app_name", dir: "missing", host: "xsp1", key: "callControlApplicationName"},
	{check: "xsp_xsi_events_app_name", dir: "missing", host: "xsp2", key: "callControlApplicationName", opts: &xsiEventsAppNameOptions{Expected: "com.example.events"},
		want: xsiNameFix("xsp2", "com.example.events")},
	{check: "xsp_xsi_events_app_name", dir: "example", host: "xsp1", key: "callControlApplicationName", opts: &xsiEventsAppNameOptions{Expected: "com.example.events"},
		want: xsiNameFix("xsp1", "com.example.events")},
	{check: "xsp_tls_protocols", dir: "no_tls12", host: "xsp1", key: "interface 10.20.1.31:443, TLSv1.2", want: []lint.FixStep{
		{Context: protocolsCtx, Command: "add 10.20.1.31 443 TLSv1.2"},
		{Context: protocolsCtx, Command: "get 10.20.1.31 443"},
	}},
	{check: "xsp_tls_protocols", dir: "example", host: "xsp2", key: "interface 10.20.1.32:443, TLSv1.1", want: []lint.FixStep{
		{Comment: "once no client xsp2 serves needs TLSv1.1:"},
		{Context: protocolsCtx, Command: "delete 10.20.1.32 443 TLSv1.1"},
		{Context: protocolsCtx, Command: "get 10.20.1.32 443"},
	}},
	// An interface that inherits the system's protocols is fixed there.
	{check: "xsp_tls_protocols", dir: "no_tls12", host: "xsp1", key: "system, SSLv3", want: []lint.FixStep{
		{Comment: "once no client xsp1 serves needs SSLv3:"},
		{Context: "XSP_CLI/System/SSLCommonSettings/JSSE/Protocols", Command: "delete SSLv3"},
		{Context: "XSP_CLI/System/SSLCommonSettings/JSSE/Protocols", Command: "get"},
	}},
	// The alias is the one xsp1 gives the same CA.
	{check: "xsp_webex_client_ca_trusted", dir: "example", host: "xsp2", key: "Owner=Internal Private Root", want: []lint.FixStep{
		{Comment: `copy the PEM file of the Webex client CA "Internal Private Root", from the chain Partner Hub offers (Settings, BroadWorks Calling), to /var/broadworks/tmp/webexclientroot2023.pem on xsp2, then:`},
		{Context: ctiTrustsCtx, Command: "updateTrust webexclientroot2023 /var/broadworks/tmp/webexclientroot2023.pem"},
		{Context: ctiTrustsCtx, Command: "get"},
	}},
	// No list holds the CA: the alias is the operator's to choose.
	{check: "xsp_webex_client_ca_trusted", dir: "abbreviated", host: "xsp1", key: "Owner=Internal Private Root", want: []lint.FixStep{
		{Comment: `copy the PEM file of the Webex client CA "Internal Private Root", from the chain Partner Hub offers (Settings, BroadWorks Calling), to /var/broadworks/tmp on xsp1; then, in /Interface/CTI/SSLCommonSettings/ClientAuthentication/Trusts, type updateTrust followed by an alias of your choosing and the file's path, and get`},
	}},
	{check: "xsp_webex_client_ca_trusted", dir: "example", host: "xsp2", key: "Alias=webexclientroot2024", opts: &webexClientCAOptions{Aliases: []string{"webexclientroot2024"}}, want: []lint.FixStep{
		{Comment: `copy the PEM file of a Webex client CA under the alias "webexclientroot2024", from the chain Partner Hub offers (Settings, BroadWorks Calling), to /var/broadworks/tmp/webexclientroot2024.pem on xsp2, then:`},
		{Context: ctiTrustsCtx, Command: "updateTrust webexclientroot2024 /var/broadworks/tmp/webexclientroot2024.pem"},
		{Context: ctiTrustsCtx, Command: "get"},
	}},
	{check: "xsp_farm_drift", dir: "example", host: "xsp3", key: "cluster bw-cluster-1", in: "/CertificateAuthentication", want: []lint.FixStep{
		{Context: certAuthCtx, Command: "set allowUserApp false"},
		{Context: certAuthCtx, Command: "get"},
	}},
	{check: "xsp_farm_drift", dir: "example", host: "xsp3", key: "cluster bw-cluster-1", in: "/TokenManagement", want: []lint.FixStep{
		{Context: "XSP_CLI/Applications/AuthenticationService/TokenManagement", Command: "set tokenDurationInHours 1440"},
		{Context: "XSP_CLI/Applications/AuthenticationService/TokenManagement", Command: "get"},
	}},
	// A secret is named and never typed; an attribute the majority lacks
	// is named only.
	{check: "xsp_farm_drift", dir: "secret", host: "xsp3", key: "all XSP and ADP hosts", want: []lint.FixStep{
		{Context: ciscoIDPCtx, Command: "set ciResponseBodyMaxSizeInBytes 65536"},
		{Context: ciscoIDPCtx, Command: "get"},
		{Comment: "type set clientSecret followed by the value xsp1 holds (a secret, not shown here)"},
		{Comment: "xsp1 does not show refreshToken: check that the farm needs it"},
	}},
	{check: "xsp_farm_drift", dir: "tables", host: "xsp2", key: "all XSP and ADP hosts", want: []lint.FixStep{
		{Comment: "delete the row Scope=spark:people_read, which xsp1 lacks, unless the farm needs it"},
		{Comment: "add the row Scope=broadworks-connector:user that xsp1 holds"},
	}},
	// On a tie no host is known to be right.
	{check: "xsp_farm_drift", dir: "tie", host: "xsp1", key: "all XSP and ADP hosts"},
	// The template that serves the AS gives the URL.
	{check: "as_imp_url_is_fqdn", dir: "template_url", host: "as1", key: "provisioningUrl", want: []lint.FixStep{
		{Context: messagingCtx, Command: "set provisioningUrl https://broadworks-provisioning-bridge-a.wbx2.com/provisioning/v1/cust-templates/7c1f4e2a-93b8-4d5e-a0c6-2b9d8f31e547"},
		{Context: messagingCtx, Command: "get"},
	}},
	{check: "as_imp_url_is_fqdn", dir: "template_url", host: "as2", key: "enableSynchronization", want: []lint.FixStep{
		{Context: messagingCtx, Command: "set enableSynchronization true"},
		{Context: messagingCtx, Command: "get"},
	}},
	{check: "as_imp_url_is_fqdn", dir: "http", host: "as1", key: "provisioningUrl", want: []lint.FixStep{
		{Context: messagingCtx, Command: "set provisioningUrl https://broadworks-provisioning-bridge-a.wbx2.com/provisioning/v1/cust-templates/7c1f4e2a-93b8-4d5e-a0c6-2b9d8f31e547"},
		{Context: messagingCtx, Command: "get"},
	}},
	// Without a template the URL is not known; one with credentials in it
	// is never typed.
	{check: "as_imp_url_is_fqdn", dir: "example", host: "as2", key: "provisioningUrl"},
	{check: "as_imp_url_is_fqdn", dir: "http_credentials", host: "as1", key: "provisioningUrl"},
	{check: "as_imp_url_is_fqdn", dir: "ocip", key: "provisioningUrl", in: "serviceprovider/acme-ent", want: []lint.FixStep{
		{Comment: `set the provisioning URL of the service provider or enterprise "acme-ent" to https://broadworks-provisioning-bridge-a.wbx2.com/provisioning/v1/cust-templates/acme: in the web portal (its Services > Integrated IM&P), or over OCI-P with ServiceProviderIntegratedIMPModifyRequest (serviceProviderId acme-ent) and <provisioningUrl>https://broadworks-provisioning-bridge-a.wbx2.com/provisioning/v1/cust-templates/acme</provisioningUrl>`},
	}},
	{check: "as_webex_device_types", dir: "remote_party_info", key: "supportRemotePartyInfo", in: "/Business Communicator - Tablet", want: []lint.FixStep{
		{Context: "AS_CLI/System/DeviceType/SIP", Command: `set "Business Communicator - Tablet" supportRemotePartyInfo true`},
		{Context: "AS_CLI/System/DeviceType/SIP", Command: `detail "Business Communicator - Tablet"`},
	}},
	{check: "as_webex_device_types", dir: "device_access", key: "deviceAccessURI", want: []lint.FixStep{
		{Comment: `set the device access URI of device type "Business Communicator - PC" to "bc/pc/": in the web portal, System > Resources > Identity/Device Profile Types > "Business Communicator - PC" > Modify, under Device Management; or over OCI-P with SystemSIPDeviceTypeModifyRequest (deviceType "Business Communicator - PC") and deviceAccessURI "bc/pc/" in its device-management options`},
	}},
	{check: "as_webex_device_types", dir: "ports", key: "numberOfPorts", opts: &webexDeviceTypesOptions{Desktop: "Business Communicator - PC", MinDesktopPorts: 12}, want: []lint.FixStep{
		{Comment: `set the Number of Ports of device type "Business Communicator - PC" to Unlimited (or at least 12): in the web portal, System > Resources > Identity/Device Profile Types > "Business Communicator - PC" > Modify; or over OCI-P with SystemSIPDeviceTypeModifyRequest (deviceType "Business Communicator - PC") and <numberOfPorts><unlimited>true</unlimited></numberOfPorts>`},
	}},
	{check: "as_webex_device_types", dir: "missing_type", key: "presence", want: []lint.FixStep{
		{Comment: `import the device type package of "Business Communicator - Tablet" in the web portal (System > Resources > Identity/Device Profile Types > Import), then set it up as the check's page says`},
	}},
	// The primary endpoint keeps the line/port; the appearance moves.
	{check: "as_device_unique_sip_address", dir: "example", key: "devicetype/Business Communicator - PC", want: []lint.FixStep{
		{Comment: `for user "alice@example.com", remove the shared call appearance on device "alice-laptop" (Group level) and add it again on a line/port of its own: in the web portal (the user's Shared Call Appearance), or over OCI-P with UserSharedCallAppearanceDeleteEndpointListRequest14, then UserSharedCallAppearanceAddEndpointRequest22 with the same device and a new linePort`},
		{Comment: `if user "alice@example.com" does not need several instances, remove the extra devices from the user instead`},
	}},
	// A SIP URI holds the address after all.
	{check: "dm_sbc_address_wxt", dir: "not_an_address", key: "%SBC_ADDRESS_WXT%", in: "tagset/Webex-A", want: []lint.FixStep{
		{Comment: `in tag set "Webex-A", set %SBC_ADDRESS_WXT% to "sbc.example.net": in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with SystemDeviceManagementTagModifyRequest (tagSetName "Webex-A", tagName "%SBC_ADDRESS_WXT%", tagValue "sbc.example.net")`},
		rebuildStep,
	}},
	// A placeholder's value is not known: the step says what it must be.
	{check: "dm_sbc_address_wxt", dir: "placeholder", key: "%SBC_ADDRESS_WXT%", in: "tagset/Webex-AMER", want: []lint.FixStep{
		{Comment: `in tag set "Webex-AMER", set %SBC_ADDRESS_WXT% to the SBC's fully qualified name (or its address): in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with SystemDeviceManagementTagModifyRequest (tagSetName "Webex-AMER", tagName "%SBC_ADDRESS_WXT%")`},
		rebuildStep,
	}},
	{check: "dm_sbc_address_wxt", dir: "missing", key: "%SBC_ADDRESS_WXT%", want: []lint.FixStep{
		{Comment: `in tag set "Webex", set %SBC_ADDRESS_WXT% to the SBC's fully qualified name (or its address): in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with SystemDeviceManagementTagAddRequest22 (tagSetName "Webex", tagName "%SBC_ADDRESS_WXT%")`},
		rebuildStep,
	}},
	{check: "dm_sbc_address_wxt", dir: "port", key: "%SBC_PORT_WXT%", in: "tagset/Webex", want: []lint.FixStep{
		{Comment: `in tag set "Webex", set %SBC_PORT_WXT% to "5061": in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with SystemDeviceManagementTagModifyRequest (tagSetName "Webex", tagName "%SBC_PORT_WXT%", tagValue "5061")`},
		rebuildStep,
	}},
	{check: "dm_sbc_address_wxt", dir: "ocip", key: "%SBC_ADDRESS_WXT%", in: "customtags/devicetype/Business Communicator - PC@acme-ent/hq", want: []lint.FixStep{
		{Comment: `in the custom tags of device type "Business Communicator - PC" in group "hq" of "acme-ent", set %SBC_ADDRESS_WXT% to the SBC's fully qualified name (or its address) (Group > Resources > Identity/Device Profile Types > "Business Communicator - PC" > Custom Tags)`},
		rebuildStep,
	}},
	{check: "dm_call_settings_webview_tags", dir: "missing", key: "%WEB_CALL_SETTINGS_TARGET_WXT%", want: []lint.FixStep{
		{Comment: `in tag set "Webex", set %WEB_CALL_SETTINGS_TARGET_WXT% to "csw": in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with SystemDeviceManagementTagAddRequest22 (tagSetName "Webex", tagName "%WEB_CALL_SETTINGS_TARGET_WXT%", tagValue "csw")`},
		rebuildStep,
	}},
	{check: "dm_call_settings_webview_tags", dir: "url", key: "%WEB_CALL_SETTINGS_URL_WXT%", in: "tagset/Webex-A", want: []lint.FixStep{
		{Comment: `in tag set "Webex-A", set %WEB_CALL_SETTINGS_URL_WXT% to "https://xsp.example.net/callsettings/": in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with SystemDeviceManagementTagModifyRequest (tagSetName "Webex-A", tagName "%WEB_CALL_SETTINGS_URL_WXT%", tagValue "https://xsp.example.net/callsettings/")`},
		rebuildStep,
	}},
	// A host that is no XSP of the snapshot has no known correction.
	{check: "dm_call_settings_webview_tags", dir: "url", key: "%WEB_CALL_SETTINGS_URL_WXT%", in: "tagset/Webex-D", want: []lint.FixStep{
		{Comment: `in tag set "Webex-D", set %WEB_CALL_SETTINGS_URL_WXT% to the https URL of Call Settings Webview on your XSP farm, ending in /: in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with SystemDeviceManagementTagModifyRequest (tagSetName "Webex-D", tagName "%WEB_CALL_SETTINGS_URL_WXT%")`},
		rebuildStep,
	}},
	{check: "dm_call_settings_webview_tags", dir: "ocip", key: "%WEB_CALL_SETTINGS_TARGET_WXT%", in: "customtags/devicetype/Business Communicator - Tablet@acme-ent", want: []lint.FixStep{
		{Comment: `in the custom tags of device type "Business Communicator - Tablet" of "acme-ent", set %WEB_CALL_SETTINGS_TARGET_WXT% to "csw", where the device type's custom tags are defined`},
		rebuildStep,
	}},
	{check: "dm_tag_conflicts", dir: "example", key: "%SBC_ADDRESS_WXT%", want: []lint.FixStep{
		{Comment: `if "sbc.example.net" (the value of the system default tag set) is right for the devices of tag set "Webex" as well:`},
		{Comment: `delete %SBC_ADDRESS_WXT% from tag set "Webex": in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with SystemDeviceManagementTagDeleteListRequest (tagSetName "Webex", tagName "%SBC_ADDRESS_WXT%")`},
		{Comment: `if "sbc-old.example.net" is meant for the devices of tag set "Webex" alone, add %SBC_ADDRESS_WXT% to the check's ignore_tags instead`},
		rebuildStep,
	}},
	// A tag named like a secret: the steps name no value.
	{check: "dm_tag_conflicts", dir: "secret", key: "%DM_PASSWORD%", want: []lint.FixStep{
		{Comment: `if the value of the system default tag set is right for the devices of tag set "Webex" as well:`},
		{Comment: `delete %DM_PASSWORD% from tag set "Webex": in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with SystemDeviceManagementTagDeleteListRequest (tagSetName "Webex", tagName "%DM_PASSWORD%")`},
		{Comment: `if the set's own value is meant for the devices of tag set "Webex" alone, add %DM_PASSWORD% to the check's ignore_tags instead`},
		rebuildStep,
	}},
	// The missing % sign gives the valid name.
	{check: "dm_tag_names_valid", dir: "example", key: "%ENABLE_CALL_PARK_WXT", want: []lint.FixStep{
		{Comment: `in tag set "Webex", set %ENABLE_CALL_PARK_WXT% to "true": in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with SystemDeviceManagementTagAddRequest22 (tagSetName "Webex", tagName "%ENABLE_CALL_PARK_WXT%", tagValue "true")`},
		{Comment: `delete %ENABLE_CALL_PARK_WXT from tag set "Webex": in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with SystemDeviceManagementTagDeleteListRequest (tagSetName "Webex", tagName "%ENABLE_CALL_PARK_WXT")`},
		{Comment: `correct the template files of the device types that name %ENABLE_CALL_PARK_WXT`},
		rebuildStep,
	}},
	// The set holds the valid name already: it is not added again.
	{check: "dm_tag_names_valid", dir: "valid_name_held", key: "%ENABLE_CALL_PARK_WXT", want: []lint.FixStep{
		{Comment: `tag set "Webex" holds %ENABLE_CALL_PARK_WXT% already, with "true" where the misnamed tag has "false": keep the value the devices need`},
		{Comment: `delete %ENABLE_CALL_PARK_WXT from tag set "Webex": in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with SystemDeviceManagementTagDeleteListRequest (tagSetName "Webex", tagName "%ENABLE_CALL_PARK_WXT")`},
		{Comment: `correct the template files of the device types that name %ENABLE_CALL_PARK_WXT`},
		rebuildStep,
	}},
	// A secret's value is never named.
	{check: "dm_tag_names_valid", dir: "secret", key: "%DM_TOKEN%WXT%", want: []lint.FixStep{
		{Comment: `add the tag to tag set "Webex" again under a valid name (starting and ending with %, no other %, at most 64 characters, not starting with %BW), with the value it has now`},
		{Comment: `delete %DM_TOKEN%WXT% from tag set "Webex": in the web portal at System > Resources > Device Management Tag Sets, or over OCI-P with SystemDeviceManagementTagDeleteListRequest (tagSetName "Webex", tagName "%DM_TOKEN%WXT%")`},
		{Comment: `correct the template files of the device types that name %DM_TOKEN%WXT%`},
		rebuildStep,
	}},
	{check: "users_primary_number", dir: "example", key: "phoneNumber", want: []lint.FixStep{
		{Comment: `give user olof.lind@voice.example.net (group "Acme-Stockholm" of "Nordic-SP") a primary phone number, a DID: in the web portal, the user's Profile > Addresses > Phone Number, or over OCI-P with UserModifyRequest22 (userId olof.lind@voice.example.net, phoneNumber the DID)`},
		{Comment: "then provision olof.lind@voice.example.net again: remove Integrated IMP from the user and assign it again"},
	}},
	{check: "users_email_valid_unique", dir: "example", key: "emailAddress", in: "user/li.wen@voice.example.net", want: []lint.FixStep{
		{Comment: `give user li.wen@voice.example.net (group "Acme-Stockholm" of "Nordic-SP") a correct email address in place of "li.wen@acme": in the web portal, the user's Profile > Email Address, or over OCI-P with UserModifyRequest22 (userId li.wen@voice.example.net, emailAddress the address)`},
		{Comment: "then provision li.wen@voice.example.net again: remove Integrated IMP from the user and assign it again"},
	}},
	{check: "wms_tracking_code_usage", dir: "example", key: "usage", want: []lint.FixStep{
		{Comment: `at Users > Tracking Codes of the administration site, set the Usage of TC1 ("Cost center") to Optional (or Not used)`},
		{Comment: `then set its usage to "optional" in wms/settings.hcl`},
		{Comment: "if the code must stay required, map it in the identity provider for every user and waive this note with the reason"},
	}},
	{check: "wms_tracking_code_input", dir: "example", key: "input", want: []lint.FixStep{
		{Comment: `at Users > Tracking Codes of the administration site, set the Input mode of TC1 ("Cost center") to Text field`},
		{Comment: `then set its input to "text" in wms/settings.hcl`},
		{Comment: "if the dropdown must stay, keep the identity provider's values in step with its active values and waive this note with the reason"},
	}},
	{check: "wms_auto_account_creation", dir: "example", key: "account", want: []lint.FixStep{
		{Comment: "add renata.kowalczyk@example.org to Meetings Server: Users > Add User on the administration site, or a row with EMAIL renata.kowalczyk@example.org in the next import file"},
		{Comment: "if the user has an account already, put the file of Users > Export in wms/users/; if every user is to get one, turn auto account creation on in the SSO settings and set auto_account_creation = true in wms/settings.hcl"},
	}},
}

// xsiNameFix is the fix of an Xsi-Events host whose name is not name.
func xsiNameFix(host, name string) []lint.FixStep {
	const ctx = "XSP_CLI/Applications/Xsi-Events/GeneralSettings"
	return []lint.FixStep{
		{Context: ctx, Command: "set callControlApplicationName " + name},
		{Context: ctx, Command: "get"},
		{Comment: "changing the name affects the subscriptions " + host + " holds: make the change in a maintenance window"},
	}
}

// The contexts of the fixes above, as the test cases' prompts name them.
const (
	authServiceCtx = "XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/AuthService"
	containerCtx   = "XSP_CLI/Maintenance/ContainerOptions"
	messagingCtx   = "AS_CLI/Interface/Messaging"
	certAuthCtx    = "XSP_CLI/System/CommunicationUtility/DefaultSettings/ExternalAuthentication/CertificateAuthentication"
	ciscoIDPCtx    = "XSP_CLI/Applications/AuthenticationService/IdentityProviders/Cisco"
	protocolsCtx   = "XSP_CLI/Interface/Http/HttpServer/SSLSettings/Protocols"
	ctiTrustsCtx   = "XSP_CLI/Interface/CTI/SSLCommonSettings/ClientAuthentication/Trusts"
)

// TestFindingsCarryTheirFix holds each finding of fixCases to its steps.
func TestFindingsCarryTheirFix(t *testing.T) {
	for _, c := range fixCases {
		t.Run(c.check+"/"+c.dir+"/"+c.host+"/"+c.key, func(t *testing.T) {
			res := runWith(t, byName(t, c.check), c.opts, c.check, c.dir)
			var keys []string
			for _, f := range res.Findings {
				if f.Host == c.host && keyMatches(c.key, f.Logical.Key) && strings.HasSuffix(f.Logical.Context, c.in) {
					if diff := cmp.Diff(c.want, f.Fix); diff != "" {
						t.Errorf("fix of %q (-want +got):\n%s", f.Message, diff)
					}
					return
				}
				keys = append(keys, f.Host+" "+f.Logical.Key)
			}
			t.Fatalf("no finding on %q with key %q; the findings are %q", c.host, c.key, keys)
		})
	}
}

func keyMatches(pattern, key string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(key, prefix)
	}
	return key == pattern
}

// TestFixNeverRepeatsTheCapture runs every check on every test case and
// holds each "set" a fix types on a host to the capture of that host: it
// never sets an attribute to the value the capture already shows, and
// its context is one the host prints, so that the cd of the pasted block
// goes where the finding is.
func TestFixNeverRepeatsTheCapture(t *testing.T) {
	for _, c := range All() {
		for _, dir := range caseDirs(t, c) {
			snap, err := inputs.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			res := runCase(t, c, dir)
			for _, f := range res.Findings {
				h := snap.Host(f.Host)
				for _, s := range f.Fix {
					if s.Command != "" && s.Context != "" && s.Server() == "" {
						t.Errorf("%s: %s: step %q is typed at %q, which names no CLI", dir, f.Message, s.Command, s.Context)
					}
					key, value, ok := setCommand(s.Command)
					if !ok || h == nil {
						continue
					}
					if kv, _, shown := h.Attr(strings.TrimPrefix(s.CLIPath(), "/"), key); shown && strings.TrimSpace(kv.Value.Text) == value {
						t.Errorf("%s: %s: the fix types %q, which %s already shows (%s)", dir, f.Message, s.Command, f.Host, kv.Value.Range())
					}
				}
			}
		}
	}
}

// setCommand reads "set KEY VALUE", the value unquoted as the CLI reads
// it; a set of a table row ("set "Business Communicator - PC" …") is not
// one.
func setCommand(cmd string) (key, value string, ok bool) {
	rest, ok := strings.CutPrefix(cmd, "set ")
	if !ok || strings.HasPrefix(rest, `"`) {
		return "", "", false
	}
	key, value, ok = strings.Cut(rest, " ")
	if strings.HasPrefix(value, `"`) {
		if v, err := strconv.Unquote(value); err == nil {
			value = v
		}
	}
	return key, value, ok
}

// TestSBCAddressIn holds the address a wrong %SBC_ADDRESS_WXT% value
// holds after all to the values an operator types.
func TestSBCAddressIn(t *testing.T) {
	for _, c := range []struct{ value, want string }{
		{" sbc.example.net\t", "sbc.example.net"},
		{"sip:sbc.example.net", "sbc.example.net"},
		{"SIPS:sbc.example.net:5061;transport=tls", "sbc.example.net:5061"},
		{"sip:alice@sbc.example.net", "sbc.example.net"},
		{"https://sbc.example.net:8443/register", "sbc.example.net:8443"},
		{"https://user:s3cret@sbc.example.net/", ""}, // never a URL's credentials
		{"sip:127.0.0.1", ""},                        // no client reaches it
		{"TBD", ""},
		{"sbc.example.net", ""}, // nothing to correct
		{"sip:", ""},
		{"http://[2001:db8::5]:5061/", "[2001:db8::5]:5061"},
		{"sip:sbc_1.example.net", ""},
	} {
		if got := sbcAddressIn(c.value); got != c.want {
			t.Errorf("sbcAddressIn(%q) = %q, want %q", c.value, got, c.want)
		}
	}
}

// TestFixPersonalDataMasked holds the users' fixes to the masking of
// personal data: a report made for readers outside the organisation
// shows none of the user ids and addresses a fix names.
func TestFixPersonalDataMasked(t *testing.T) {
	for _, name := range []string{"users_email_valid_unique", "users_primary_number", "as_device_unique_sip_address"} {
		dir := filepath.Join("testdata", name, "example")
		snap, err := inputs.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		res := judge.New(runCase(t, byName(t, name), dir), judge.Notes{})
		masked := res.MaskPersonal(judge.NewMasker(snap))
		for _, f := range res.Findings {
			if len(f.Fix) == 0 {
				t.Errorf("%s: %s: no fix", name, f.Message)
			}
		}
		for _, f := range masked.Findings {
			for _, s := range f.Fix {
				for _, u := range snap.Users {
					for _, v := range []string{u.UserID.Text, u.EmailAddress.Text} {
						if v != "" && strings.Contains(strings.ToLower(s.Comment+s.Command), strings.ToLower(v)) {
							t.Errorf("%s: masked fix step %q shows %q", name, s.Comment+s.Command, v)
						}
					}
				}
			}
		}
	}
}
