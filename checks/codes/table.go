package codes

// The names of the checks the table refers to. They are contract names:
// policies, waivers and dashboards use them.
const (
	checkIMPMatchesTemplate  = "as_imp_matches_template"
	checkRequiredPatches     = "as_required_patches"
	checkIMPURLIsFQDN        = "as_imp_url_is_fqdn"
	checkPrimaryNumber       = "users_primary_number"
	checkEmailValidUnique    = "users_email_valid_unique"
	checkOrgNameCollision    = "template_org_name_collision"
	checkTemplateFlags       = "template_flags"
	checkPSLogProvisioning   = "pslog_provisioning"
	checkWMSUserImportFile   = "wms_user_import_file"
	checkWMSSSOMapping       = "wms_sso_attribute_mapping"
	checkWMSAutoAccountCreat = "wms_auto_account_creation"
	checkWMSTrackingUsage    = "wms_tracking_code_usage"
	checkWMSTrackingInput    = "wms_tracking_code_input"
)

// The sections of the sources.
var (
	endUserTable  = Source{Document: BroadWorksGuide, Section: "End user error codes"}
	dirSyncTable  = Source{Document: BroadWorksGuide, Section: "Error codes for Directory Sync"}
	impErrors     = Source{Document: BroadWorksGuide, Section: "Integrated IM&P errors for specific users"}
	bridgeErrors  = Source{Document: BroadWorksGuide, Section: "User provisioning failures in response from provisioning bridge"}
	pslogAnalysis = Source{Document: BroadWorksGuide, Section: "Analyze PSLog for user provisioning issues"}
	wmsAutoAcct   = Source{Document: MeetingsServerGuide, Section: "Auto Account Creation or Auto Account Update Has Failed"}
	wmsImport     = Source{Document: MeetingsServerGuide, Section: "Importing Users with a CSV File Fails"}
	wmsNoAccount  = Source{Document: MeetingsServerGuide, Section: "No User Account Found in the System"}
)

// Actions several Directory Sync codes share.
const (
	syncRetry    = "Run the sync again later; if it keeps failing, open a case with Cisco with the time of the attempt and the customer organisation."
	syncSettings = "Check the directory sync settings of the partner and the customer organisation in Partner Hub, then start the sync again."
)

// table holds every entry, in the order All documents. Messages are the
// product's own text as the sources print it, with spaces restored where
// the published page ran two words together.
var table = []Entry{
	// End user error codes.
	{
		ID: "100006", Code: "100006", Family: EndUser, Source: endUserTable,
		Message: "Login failed: User ID/Password is incorrect.",
		Meaning: "The activation portal refused the user's credentials. With BroadWorks authentication the portal wants the BroadWorks Web Access password, and the BroadWorks user ID unless the email address is set as an alternate user ID.",
		Action:  "Have the user type the Web Access password again, minding upper and lower case; if the email address is not an alternate user ID, have them sign in with the BroadWorks user ID.",
	},
	{
		ID: "200010", Code: "200010", Family: EndUser, Source: endUserTable,
		Message: "Failed validating credentials as BroadWorks user unauthorized.",
		Meaning: "BroadWorks did not accept the user name and password pair the portal passed on.",
		Action:  "Let the user try another user name and password; otherwise reset the user's password in BroadWorks.",
	},
	{
		ID: "200013", Code: "200013", Family: EndUser, Source: endUserTable,
		Message: "Sorry you can't join <name of SP offer> with Webex right now. Please try again in a few minutes. If the problem continues, please contact your <customer organization administrator>.",
		Meaning: "Webex could not write the user's details to Common Identity.",
		Action:  "Update the user once more through the user API.",
	},
	{
		ID: "200014", Code: "200014", Family: EndUser, Source: endUserTable,
		Message: "Please contact your <Service Provider> administrator.",
		Meaning: "The request did not fit the configuration Webex holds for the customer, for instance a provisioning ID that belongs to no template of the partner.",
		Action:  "Compare the configuration with the customer template, and the provisioning ID in the request with the template's provisioning ID.",
		Checks:  []string{checkIMPMatchesTemplate},
	},
	{
		ID: "200016", Code: "200016", Family: EndUser, Source: endUserTable,
		Message: "Failed validating credentials as session not found.",
		Meaning: "The portal's session for this sign-in had expired or been lost when the credentials arrived.",
		Action:  "Have the user reload the page and enter user name and password again.",
	},
	{
		ID: "200018", Code: "200018", Family: EndUser, Source: endUserTable,
		Message: "Failed validating credentials as user is locked out.",
		Meaning: "Too many failed attempts locked the user out for a while.",
		Action:  "Have the user wait ten minutes before trying again.",
	},
	{
		ID: "200019", Code: "200019", Family: EndUser, Source: endUserTable,
		Message: "Failed validating credentials as add user failed for self activation.",
		Meaning: "The credentials were good, but creating the user by self activation failed.",
		Action:  "Review the self-activation settings of the customer organisation in Control Hub.",
	},
	{
		ID: "200022", Code: "200022", Family: EndUser, Source: endUserTable,
		Message: "Failed to send email as user is unauthenticated.",
		Meaning: "The verification email was not sent because the user had not yet authenticated.",
		Action:  "Have the user start the onboarding again and enter the credentials.",
	},
	{
		ID: "200025", Code: "200025", Family: EndUser, Source: endUserTable,
		Message: "Sorry, you can't join Self Activation right now. Please try again in a few minutes. If the problem persists, contact your System Administrator.",
		Meaning: "Self activation is temporarily unavailable.",
		Action:  "Have the user retry after a few minutes; if it still fails, open a case with Cisco.",
	},
	{
		ID: "200026", Code: "200026", Family: EndUser, Source: endUserTable,
		Message: "Failed validating email due to pre-check failure or pending user incorrect state for PartnerOrgUUID : {partnerOrgUUID} , BroadoworksUUID : {broadworksUUID} , ConfigSetUUID : {configSetUUID}",
		Meaning: "The email address the user typed belongs to another organisation, or the pending user is in a state that does not allow this step.",
		Action:  "Tell the user that the address is tied to another organisation and have them enter their own; make sure each BroadWorks user carries a distinct, correct address.",
		Checks:  []string{checkEmailValidUnique},
	},
	{
		ID: "200039", Code: "200039", Family: EndUser, Source: endUserTable,
		Message: "Failed validating email as emailId already in use in a different Org.",
		Meaning: "The email address is already a user of another Webex organisation.",
		Action:  "Have the user onboard again from the same verification link with another BroadWorks user ID, or have the other organisation's administrator delete the existing account.",
		Checks:  []string{checkEmailValidUnique},
	},
	{
		ID: "200040", Code: "200040", Family: EndUser, Source: endUserTable,
		Message: "Failed validating email as configSet is not matching with configSet in customerConfig.",
		Meaning: "The verification link the user followed belongs to another configuration set than the one configured for the customer.",
		Action:  "Compare the link the user used with the one Control Hub shows for the customer; both, and their configuration sets, must be the same.",
	},
	{
		ID: "200041", Code: "200041", Family: EndUser, Source: endUserTable,
		Message: "Failed validating email as user is already entitled for another conflicting service, conflicting entitlements.",
		Meaning: "The user already holds an entitlement that cannot coexist with Webex for BroadWorks.",
		Action:  "Have the user onboard from the same link with another BroadWorks user ID, or have the administrator of the conflicting service remove that service or its entitlements.",
	},
	{
		ID: "200042", Code: "200042", Family: EndUser, Source: endUserTable,
		Message: "Failed validating email as email is already associated with another BroadWorks UserId.",
		Meaning: "Another BroadWorks user already uses this email address with Webex.",
		Action:  "Give the user a different email address, or delete the other user holding it; bwlint lists BroadWorks users that share an address.",
		Checks:  []string{checkEmailValidUnique},
	},
	{
		ID: "200043", Code: "200043", Family: EndUser, Source: endUserTable,
		Message: "Failed validating email as user customer config mapping is incorrect.",
		Meaning: "The user's customer configuration mapping is wrong; the guide treats it like an address already taken by another user.",
		Action:  "Have the user try another email address, or delete the other user that holds this one.",
		Checks:  []string{checkEmailValidUnique},
	},
	{
		ID: "200044", Code: "200044", Family: EndUser, Source: endUserTable,
		Message: "Failed validating email as userId is already in use on this BroadWorks cluster.",
		Meaning: "Another user of the same BroadWorks cluster already uses this address as Webex user ID.",
		Action:  "Have the user try another email address, or have the administrator of the existing account delete it.",
		Checks:  []string{checkEmailValidUnique},
	},
	{
		ID: "200045", Code: "200045", Family: EndUser, Source: endUserTable,
		Message: "Failed adding user through self activation as user is already part of a different org.",
		Meaning: "Self activation found the user already in another Webex organisation.",
		Action:  "Have the user onboard with another email address, or have the other organisation's administrator delete the existing account.",
	},
	{
		ID: "200046", Code: "200046", Family: EndUser, Source: endUserTable,
		Message: "Failed adding user through self activation as multiple pending users exists with same broadworksUserId under same BroadWorks cluster.",
		Meaning: "Several pending users carry the same BroadWorks user ID on one cluster.",
		Action:  "Delete the surplus pending users in Control Hub.",
	},
	{
		ID: "200047", Code: "200047", Family: EndUser, Source: endUserTable,
		Message: "Failed adding user through self activation as userId is already in use on this BroadWorks cluster.",
		Meaning: "Self activation found the address already in use as user ID on the same BroadWorks cluster.",
		Action:  "Have the user try another email address, or have the administrator of the existing account delete it or remove its other entitlements.",
		Checks:  []string{checkEmailValidUnique},
	},
	{
		ID: "200048", Code: "200048", Family: EndUser, Source: endUserTable,
		Message: "Failed adding user through self activation as email address was already provisioned with a different BroadWorks userId.",
		Meaning: "The address was provisioned earlier for another BroadWorks user.",
		Action:  "Have the user try another email address.",
		Checks:  []string{checkEmailValidUnique},
	},
	{
		ID: "200049", Code: "200049", Family: EndUser, Source: endUserTable,
		Message: "Failed adding user through self activation as userId is already in use on this BroadWorks cluster.",
		Meaning: "Self activation found the address already in use as user ID on the same BroadWorks cluster (the guide lists this code with the same text as 200047).",
		Action:  "Have the user try another email address, or have the administrator of the existing account delete it or remove its other entitlements.",
		Checks:  []string{checkEmailValidUnique},
	},
	{
		ID: "200050", Code: "200050", Family: EndUser, Source: endUserTable,
		Message: "Failed adding user through self activation as provisioningID doesn't match expected provisioningID of subscriber's enterprise.",
		Meaning: "The verification link carries another template's provisioning ID than the one the user's enterprise is provisioned with.",
		Action:  "Compare the link the user used with the one Control Hub shows; make sure the enterprise is provisioned through the template it belongs to.",
		Checks:  []string{checkIMPMatchesTemplate},
	},
	{
		ID: "200051", Code: "200051", Family: EndUser, Source: endUserTable,
		Message: "Failed adding user through self activation as spEnterpriseId specified in this request conflicts with a Service Provider or Enterprise already provisioned from this BroadWorks Cluster.",
		Meaning: "The request would create an organisation whose name an existing service provider or enterprise of the cluster already has.",
		Action:  "Look at the existing organisations in Control Hub and give the new group or enterprise a name no other one has, case aside.",
		Checks:  []string{checkOrgNameCollision},
	},
	{
		ID: "200054", Code: "200054", Family: EndUser, Source: endUserTable,
		Message: "Failed validating email as the region of the customer org and partner org mismatch.",
		Meaning: "The customer organisation and the partner organisation are in different regions.",
		Action:  "Align the regions of the partner and customer organisations in Control Hub.",
	},
	{
		ID: "300005", Code: "300005", Family: EndUser, Source: endUserTable,
		Message: "Precheck failure as the user is already in the queue and in the process of getting provisioned.",
		Meaning: "The user is still being provisioned from an earlier request.",
		Action:  "Wait a few minutes and look again; do not send the request again meanwhile.",
	},

	// Error codes for Directory Sync.
	{
		ID: "600000", Code: "600000", Family: DirectorySync, Source: dirSyncTable,
		Message: "Broadworks External Directory User Sync unexpected error.",
		Meaning: "The directory sync stopped on an error it does not classify.",
		Action:  syncRetry,
	},
	{
		ID: "600001", Code: "600001", Family: DirectorySync, Source: dirSyncTable,
		Message: "Broadworks External Directory User Sync failed.",
		Meaning: "The directory sync did not complete.",
		Action:  syncRetry,
	},
	{
		ID: "600002", Code: "600002", Family: DirectorySync, Source: dirSyncTable,
		Message: "Broadworks External Directory User Sync had to be terminated before completion.",
		Meaning: "The directory sync was stopped before it finished.",
		Action:  syncRetry,
	},
	{
		ID: "600003", Code: "600003", Family: DirectorySync, Source: dirSyncTable,
		Message: "Broadworks External Directory User Sync only partially succeeded. Some Customer Organizations failed to sync.",
		Meaning: "Some customer organisations synced and others did not.",
		Action:  "Find the customer organisations whose sync failed in Partner Hub and sync them again one by one.",
	},
	{
		ID: "600004", Code: "600004", Family: DirectorySync, Source: dirSyncTable,
		Message: "Broadworks External Directory User Sync is not enabled for the ConfigSet.",
		Meaning: "Directory sync is switched off for the partner's configuration set.",
		Action:  syncSettings,
	},
	{
		ID: "600005", Code: "600005", Family: DirectorySync, Source: dirSyncTable,
		Message: "Broadworks External Directory User Sync is in-progress for the ConfigSet.",
		Meaning: "A sync of the configuration set is already running.",
		Action:  "Wait for the running sync to end before starting another.",
	},
	{
		ID: "600006", Code: "600006", Family: DirectorySync, Source: dirSyncTable,
		Message: "Broadworks External Directory User Sync threads are busy or shutting down, hence will not accept more sync request, try again later.",
		Meaning: "The sync service has no capacity for another request right now.",
		Action:  "Start the sync again later.",
	},
	{
		ID: "600007", Code: "600007", Family: DirectorySync, Source: dirSyncTable,
		Message: "The Identity Org of the CustomerConfig is not found.",
		Meaning: "The customer configuration points at a Webex organisation that does not exist (any more).",
		Action:  "Check in Partner Hub that the customer organisation still exists and is tied to the right customer configuration.",
	},
	{
		ID: "600008", Code: "600008", Family: DirectorySync, Source: dirSyncTable,
		Message: "The CustomerConfig is not found in the partner org.",
		Meaning: "The partner organisation holds no such customer configuration.",
		Action:  "Check that the customer belongs to this partner in Partner Hub.",
	},
	{
		ID: "600009", Code: "600009", Family: DirectorySync, Source: dirSyncTable,
		Message: "Broadworks External Directory User Sync cannot be run as the broadworks cluster associated to the CustomerConfig is busy.",
		Meaning: "The BroadWorks cluster of the customer is busy with another sync.",
		Action:  "Start the sync again once the cluster's other sync has ended.",
	},
	{
		ID: "600010", Code: "600010", Family: DirectorySync, Source: dirSyncTable,
		Message: "Broadworks External Directory User Sync cannot be run as there is no broadworks cluster associated to the CustomerConfig.",
		Meaning: "No BroadWorks cluster is tied to the customer configuration.",
		Action:  "Attach the customer's template to the right BroadWorks cluster in Partner Hub.",
	},
	{
		ID: "600011", Code: "600011", Family: DirectorySync, Source: dirSyncTable,
		Message: "Broadworks External Directory User Sync is not enabled for the CustomerConfig.",
		Meaning: "Directory sync is switched off for this customer.",
		Action:  syncSettings,
	},
	{
		ID: "600012", Code: "600012", Family: DirectorySync, Source: dirSyncTable,
		Message: "Broadworks External Directory User Sync cannot be run as the Hybrid Directory sync is already enabled for the CustomerConfig.",
		Meaning: "The customer uses Hybrid Directory sync, which excludes the BroadWorks directory sync.",
		Action:  "Choose one of the two directory syncs for the customer and switch the other off.",
	},
	{
		ID: "600013", Code: "600013", Family: DirectorySync, Source: dirSyncTable,
		Message: "Broadworks External Directory User Sync failed to add users and machine accounts to identity store.",
		Meaning: "The sync read BroadWorks but could not create users or machine accounts in Common Identity.",
		Action:  syncRetry,
	},
	{
		ID: "600014", Code: "600014", Family: DirectorySync, Source: dirSyncTable,
		Message: "Broadworks External Directory User Sync failed while trying to connect to Broadworks cluster. Error from Broadworks - %s.",
		Meaning: "The sync could not reach the BroadWorks cluster; the message ends with the error BroadWorks gave.",
		Action:  "Read the BroadWorks error at the end of the message, and check that the cluster's interfaces in Partner Hub are reachable from Webex.",
	},
	{
		ID: "600015", Code: "600015", Family: DirectorySync, Source: dirSyncTable,
		Message: "Broadworks External Directory User Sync didn't find any matching user in identity store.",
		Meaning: "None of the BroadWorks users read by the sync exists in Common Identity.",
		Action:  "Check that the customer's users have been provisioned to Webex before syncing the directory.",
	},
	{
		ID: "600017", Code: "600017", Family: DirectorySync, Source: dirSyncTable,
		Message: "BroadWorks Phone List Sync failed to sync all user and enterprise/organization contacts.",
		Meaning: "The phone list sync failed for both the users' and the organisation's contacts.",
		Action:  syncRetry,
	},
	{
		ID: "600018", Code: "600018", Family: DirectorySync, Source: dirSyncTable,
		Message: "BroadWorks Phone List Sync failed for users in the enterprise/organization.",
		Meaning: "The phone list sync failed for the users' contacts.",
		Action:  syncRetry,
	},
	{
		ID: "600019", Code: "600019", Family: DirectorySync, Source: dirSyncTable,
		Message: "BroadWorks Phone List Sync failed to sync enterprise/organization contacts.",
		Meaning: "The phone list sync failed for the organisation's contacts.",
		Action:  syncRetry,
	},
	{
		ID: "600020", Code: "600020", Family: DirectorySync, Source: dirSyncTable,
		Message: "BroadWorks External Directory User Sync cannot be disabled as the CustomerConfig sync is in progress.",
		Meaning: "Sync cannot be switched off while it runs.",
		Action:  "Wait for the running sync to end, then switch it off.",
	},
	{
		ID: "600022", Code: "600022", Family: DirectorySync, Source: dirSyncTable,
		Message: "BroadWorks External Directory Single User Sync is not possible since the enterprise has no provisioned user.",
		Meaning: "A single user cannot be synced before any user of the enterprise has been provisioned.",
		Action:  "Provision at least one user of the enterprise first.",
	},
	{
		ID: "600023", Code: "600023", Family: DirectorySync, Source: dirSyncTable,
		Message: "BroadWorks External Directory Single User Sync is not possible because the user already exists in this organization.",
		Meaning: "The user to sync is already in the organisation.",
		Action:  "Nothing to sync: the user is there; update it instead if its details changed.",
	},
	{
		ID: "600024", Code: "600024", Family: DirectorySync, Source: dirSyncTable,
		Message: "BroadWorks External Directory Single User Sync is not possible because no matching user was found in BroadWorks.",
		Meaning: "BroadWorks has no user matching the one asked for.",
		Action:  "Check the user ID or address given, and that the user exists in the enterprise in BroadWorks.",
	},
	{
		ID: "600025", Code: "600025", Family: DirectorySync, Source: dirSyncTable,
		Message: "BroadWorks External Directory User Sync failed to update the user account in CI.",
		Meaning: "The sync could not update a user in Common Identity.",
		Action:  syncRetry,
	},
	{
		ID: "600026", Code: "600026", Family: DirectorySync, Source: dirSyncTable,
		Message: "BroadWorks External Directory User Sync failed to update the machine account in CI.",
		Meaning: "The sync could not update a machine account in Common Identity.",
		Action:  syncRetry,
	},
	{
		ID: "600027", Code: "600027", Family: DirectorySync, Source: dirSyncTable,
		Message: "BroadWorks External Directory Single User Sync is not possible because multiple users were found in BroadWorks.",
		Meaning: "More than one BroadWorks user matches the user to sync.",
		Action:  "Make the user's identifiers unique in BroadWorks, for instance the email address, then sync again.",
		Checks:  []string{checkEmailValidUnique},
	},
	{
		ID: "600028", Code: "600028", Family: DirectorySync, Source: dirSyncTable,
		Message: "BroadWorks External Directory Single User Sync is not possible because at least one enterprise directory sync should have been completed.",
		Meaning: "A single-user sync needs one complete sync of the enterprise's directory first.",
		Action:  "Run a full directory sync of the enterprise, then the single-user sync.",
	},
	{
		ID: "600029", Code: "600029", Family: DirectorySync, Source: dirSyncTable,
		Message: "BroadWorks External Directory User Sync failed since the enterprise has no provisioned user.",
		Meaning: "The enterprise has no user in Webex yet, so there is nothing to sync against.",
		Action:  "Provision at least one user of the enterprise first.",
	},

	// BroadWorks Integrated IM&P errors.
	{
		ID: "18211", Code: "18211", Family: IMP, Source: impErrors,
		Message: "[Error 18211] Communication error with Messaging server",
		Meaning: "The Application Server could not complete its call to the provisioning bridge (the Messaging server of Integrated IM&P): the URL does not resolve or is not reachable, or the bridge refused the connection.",
		Action:  "Check the provisioning URL on the AS against the template (a host name, never an IP address; the AS must resolve it), the patches flow-through provisioning needs, and what the AS's PSLog records for the attempt.",
		Checks:  []string{checkIMPURLIsFQDN, checkRequiredPatches, checkIMPMatchesTemplate},
	},
	{
		ID: "18215", Code: "18215", Family: IMP, Source: impErrors,
		Message: "[Error 18215] Provisioning error with Messaging server",
		Meaning: "The provisioning bridge answered and refused the user. When provisioning works for other users, the usual causes are an email address Webex already knows (an existing or self-signed-up account) and a user without a primary phone number.",
		Action:  "Search Help Desk for the user's address, give the user a primary number (DID), and read the bridge's answer in the PSLog.",
		Checks:  []string{checkEmailValidUnique, checkPrimaryNumber, checkIMPMatchesTemplate},
	},

	// Provisioning bridge HTTP statuses.
	{
		ID: "http-200", Code: "200", Family: Bridge, Source: bridgeErrors,
		Message: "200 OK",
		Meaning: "The bridge accepted the request and queued the user's creation; creation runs asynchronously and can still fail later in Webex, so a 200 proves nothing yet.",
		Action:  "Wait a few minutes and search Help Desk for the address in the request; a user who never appears after a 200 must be escalated to Cisco.",
		Checks:  []string{checkEmailValidUnique, checkPrimaryNumber}, ReportedBy: []string{checkPSLogProvisioning},
	},
	{
		ID: "http-400", Code: "400", Family: Bridge, Source: bridgeErrors,
		Message: "400 Bad Request",
		Meaning: "The bridge could not process the subscriber profile: a subscriber value is wrong or missing, or the template's settings rule it out. The message in the response says which.",
		Action:  "Read the message of the response; check the user's email address and primary number in BroadWorks and the template's settings.",
		Checks:  []string{checkEmailValidUnique, checkPrimaryNumber, checkTemplateFlags}, ReportedBy: []string{checkPSLogProvisioning},
	},
	{
		ID: "http-400-untrusted-email", Code: "400", Family: Bridge, Source: bridgeErrors,
		Message: "Can not trust BroadWorks email with legacy provisioning API.",
		Meaning: "The template declares BroadWorks email addresses trustworthy, but the user's address is invalid or mistyped.",
		Action:  "Correct the user's email address in BroadWorks, or stop trusting BroadWorks addresses in the template so that users verify theirs.",
		Checks:  []string{checkTemplateFlags, checkEmailValidUnique}, ReportedBy: []string{checkPSLogProvisioning},
	},
	{
		ID: "http-400-new-org-disabled", Code: "400", Family: Bridge, Source: bridgeErrors,
		Message: "Customer org is not found in database and also new org creation flag is not enabled.",
		Meaning: "The user would need a new customer organisation, and the template forbids creating one. A mistyped domain in the user's address has the same effect.",
		Action:  "Check the domain of the user's address in BroadWorks; if a new organisation is wanted, allow new organisations in the template and provision again.",
		Checks:  []string{checkTemplateFlags, checkEmailValidUnique}, ReportedBy: []string{checkPSLogProvisioning},
	},
	{
		ID: "http-401", Code: "401", Family: Bridge, Source: bridgeErrors,
		Message: "401 Unauthorized",
		Meaning: "The provisioning account name or password the AS sends differs from the one the template holds.",
		Action:  "Set the AS's provisioning user and password to the template's Provisioning Account Name and Password (system level, or the enterprise's Integrated IM&P settings where it has its own).",
		Checks:  []string{checkIMPMatchesTemplate}, ReportedBy: []string{checkPSLogProvisioning},
	},
	{
		ID: "http-403", Code: "403", Family: Bridge, Source: bridgeErrors,
		Message: "403 Forbidden",
		Meaning: "The request cannot succeed as sent, typically because the AS addressed it to an IP address instead of the bridge's host name, which is what an AS without the flow-through provisioning patch (ap373197 on R22 and R23) does.",
		Action:  "Look at the request's target: it must be the template's provisioning URL with its host name. Install the required AS patches and the matching container option, and set the URL as a fully qualified name.",
		Checks:  []string{checkIMPURLIsFQDN, checkRequiredPatches, checkIMPMatchesTemplate}, ReportedBy: []string{checkPSLogProvisioning},
	},
	{
		ID: "http-409", Code: "409", Family: Bridge, Source: bridgeErrors,
		Message: "409 Conflict",
		Meaning: "Webex already has a user with the request's email address, in some organisation (possibly a free consumer account).",
		Action:  "Search Help Desk for the address; have the user delete a free account, or provision the user with another address.",
		Checks:  []string{checkEmailValidUnique}, ReportedBy: []string{checkPSLogProvisioning},
	},
	{
		ID: "http-other", Code: "", Family: Bridge, Source: pslogAnalysis,
		Message:    "",
		Meaning:    "Any answer of the bridge other than 200 is a failed provisioning attempt.",
		Action:     "Read the status and the response body in the PSLog, and escalate to Cisco with the request's time when no configuration cause is found.",
		ReportedBy: []string{checkPSLogProvisioning},
	},

	// Cisco WebEx Meetings Server.
	{
		ID: "wms-auto-account-creation-failed", Code: "", Family: MeetingsServer, Source: wmsAutoAcct,
		Message: "Auto Account Creation failed. Contact your administrator for further support.",
		Meaning: "Meetings Server could not create the account from the SSO assertion: a required attribute (firstname, lastname, email, a required tracking code) is missing, empty, too long, misspelt in case, or a dropdown tracking code holds an inactive value.",
		Action:  "Compare the IdP's attribute mappings with what Meetings Server expects, send the email address as NameID, and map every tracking code marked required.",
		Checks:  []string{checkWMSSSOMapping, checkWMSTrackingUsage, checkWMSTrackingInput},
	},
	{
		ID: "wms-auto-account-update-failed", Code: "", Family: MeetingsServer, Source: wmsAutoAcct,
		Message: "Auto Account Update failed. Contact your administrator for further support.",
		Meaning: "Meetings Server could not update the account from the SSO assertion; the updateTimestamp attribute is missing, or the assertion has the defects that also stop account creation.",
		Action:  "Map updateTimestamp in the IdP, then the same attributes as for account creation; keep NameID and the IdP's subject mapping (SAML_SUBJECT, Name_ID) on the same value.",
		Checks:  []string{checkWMSSSOMapping, checkWMSTrackingUsage, checkWMSTrackingInput},
	},
	{
		ID: "wms-invalid-import-file", Code: "", Family: MeetingsServer, Source: wmsImport,
		Message: "invalid file",
		Meaning: "The user import file was refused: it is not UTF-8 or UTF-16, or rows lack columns or have more than the header.",
		Action:  "Save the file as Unicode (UTF-16, tab-delimited) or UTF-8 CSV, give it the .csv extension, fix the rows bwlint names, and import it choosing the delimiter it uses.",
		Checks:  []string{checkWMSUserImportFile},
	},
	{
		ID: "wms-no-user-account", Code: "", Family: MeetingsServer, Source: wmsNoAccount,
		Message: "No user account found in the system. Contact your administrator for further support.",
		Meaning: "A user signed in through SSO who has no account, and auto account creation is off.",
		Action:  "Import or add the user, or switch auto account creation on.",
		Checks:  []string{checkWMSAutoAccountCreat},
	},
}
