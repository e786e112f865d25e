rule "site_authservice_url" {
  title   = "the authentication service is reached on the loopback interface"
  role    = "xsp"
  context = "Maintenance/ContainerOptions"
  column  = "Option Value"
  row_key = ["Container Name=tomcat", "Option Name=bw.authservice.authServiceUrl"]
  equals  = "http://127.0.0.1:80/authService"
}

rule "site_authservice_url_https" {
  title   = "the authentication service is reached over HTTPS"
  role    = "xsp"
  context = "Maintenance/ContainerOptions"
  column  = "Option Value"
  row_key = "Option Name=bw.authservice.authServiceUrl"
  matches = "https://.*"
}
