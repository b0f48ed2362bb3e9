package main

// foreignReplies answer like APIs, gateways and frameworks that errcode
// carries no catalog for, in each one's documented error format (the page
// each follows is named in cmd/testdata/responses/FOREIGN.md). Messages are
// short ones written for these fixtures, not copied from vendors' pages.
// scripts/record-foreign.sh records what curl, HTTPie and wget print for
// them: the inputs, and with FOREIGN.md the expected answers, for making
// errcode honest about APIs it does not know.
var foreignReplies = map[string]reply{
	// Twilio: code, message, more_info, status; Twilio-Request-Id.
	"/foreign/twilio/invalid-to": {400, []string{"Content-Type: application/json; charset=utf-8", "Twilio-Request-Id: RQ8f2a1c9e0b7d4e3f8a9b0c1d2e3f4a5b"},
		`{"code":21211,"message":"Invalid 'To' Phone Number: +1555010","more_info":"https://www.twilio.com/docs/errors/21211","status":400}`},
	// PayPal: name, message, debug_id, details[] field/issue; Paypal-Debug-Id.
	"/foreign/paypal/negative-amount": {422, []string{"Content-Type: application/json", "Paypal-Debug-Id: 8a3f29c1e7b04"},
		`{"name":"UNPROCESSABLE_ENTITY","details":[{"field":"/purchase_units/@reference_id=='default'/amount/value","value":"-5.00","location":"body","issue":"CANNOT_BE_NEGATIVE","description":"Amount must not be negative."}],"message":"The request failed business validation.","debug_id":"8a3f29c1e7b04","links":[{"href":"https://developer.paypal.com/api/rest/reference/orders/v2/errors/#CANNOT_BE_NEGATIVE","rel":"information_link","method":"GET"}]}`},
	// Okta: errorCode, errorSummary, errorLink, errorId, errorCauses;
	// X-Okta-Request-Id; X-Rate-Limit-* with the reset as an epoch.
	"/foreign/okta/invalid-token": {401, []string{"Content-Type: application/json", "X-Okta-Request-Id: aGq3vF1XkZ0AbC2dEf9GhAAABcD", "X-Rate-Limit-Limit: 600", "X-Rate-Limit-Remaining: 599", "X-Rate-Limit-Reset: 1795341660"},
		`{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"oaeR2n8uQxWTk6mP0sLbJ3vYw","errorCauses":[]}`},
	"/foreign/okta/rate-limit": {429, []string{"Content-Type: application/json", "X-Okta-Request-Id: Yb7pQk2m9TQ0x1LrWcVd8AAAAEE", "X-Rate-Limit-Limit: 600", "X-Rate-Limit-Remaining: 0", "X-Rate-Limit-Reset: 1795341638"},
		`{"errorCode":"E0000047","errorSummary":"API rate limit exceeded for this endpoint.","errorLink":"E0000047","errorId":"oae3kN7rL2pQvS9tUxWyZa1Bc","errorCauses":[]}`},
	// Auth0 Management API: statusCode, error, message, errorCode.
	"/foreign/auth0/invalid-body": {400, []string{"Content-Type: application/json; charset=utf-8", "X-Ratelimit-Limit: 50", "X-Ratelimit-Remaining: 49", "X-Ratelimit-Reset: 1795341601"},
		`{"statusCode":400,"error":"Bad Request","message":"Payload validation error: 'Missing required property: connection'.","errorCode":"invalid_body"}`},
	// Shopify Admin REST: errors as a string (429, Retry-After: 2.0, behind
	// Cloudflare with its own X-Request-Id) or as field -> [messages].
	"/foreign/shopify/throttled": {429, []string{"Content-Type: application/json; charset=utf-8", "Retry-After: 2.0", "X-Shopify-Shop-Api-Call-Limit: 40/40", "X-Request-Id: 4f5c2a1e-7b3d-4c9e-8f01-2a3b4c5d6e7f", "Server: cloudflare", "CF-Ray: 8e2c4d6f8a0b1c2d-ORD"},
		`{"errors":"Exceeded the API call limit for this app. Slow down and try again."}`},
	"/foreign/shopify/invalid-product": {422, []string{"Content-Type: application/json; charset=utf-8", "X-Shopify-Shop-Api-Call-Limit: 3/40", "X-Request-Id: 9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"},
		`{"errors":{"title":["can't be blank"],"variants.price":["must be greater than or equal to 0"]}}`},
	// Telegram Bot API: ok, error_code, description, parameters.retry_after.
	"/foreign/telegram/flood": {429, []string{"Server: nginx/1.18.0", "Content-Type: application/json", "Access-Control-Allow-Origin: *"},
		`{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 35","parameters":{"retry_after":35}}`},
	"/foreign/telegram/chat-not-found": {400, []string{"Server: nginx/1.18.0", "Content-Type: application/json", "Access-Control-Allow-Origin: *"},
		`{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}`},
	// Discord: rate limit (retry_after float, X-RateLimit-Reset-After) and a
	// form error (code, message, errors nested by field with _errors).
	"/foreign/discord/rate-limited": {429, []string{"Content-Type: application/json", "Retry-After: 65", "X-RateLimit-Limit: 5", "X-RateLimit-Remaining: 0", "X-RateLimit-Reset: 1795341664.570", "X-RateLimit-Reset-After: 64.570", "X-RateLimit-Bucket: 8f2b1c3d4e5f6a7b", "X-RateLimit-Scope: user", "Server: cloudflare", "CF-Ray: 8e1f2a3b4c5d6e7f-AMS"},
		`{"message":"You are being rate limited.","retry_after":64.57,"global":false}`},
	"/foreign/discord/invalid-form": {400, []string{"Content-Type: application/json"},
		`{"code":50035,"errors":{"name":{"_errors":[{"code":"BASE_TYPE_REQUIRED","message":"This field is required"}]}},"message":"Invalid Form Body"}`},
	// SendGrid v3: errors[] message, field, help.
	"/foreign/sendgrid/bad-from": {400, []string{"Content-Type: application/json", "X-Ratelimit-Limit: 600", "X-Ratelimit-Remaining: 599", "X-Ratelimit-Reset: 1795341660"},
		`{"errors":[{"message":"from.email is not a valid email address","field":"from.email","help":"http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html#message.from"}]}`},
	// Mailgun: a JSON body with a "message" key.
	"/foreign/mailgun/missing-from": {400, []string{"Content-Type: application/json; charset=utf-8"},
		`{"message":"'from' parameter is missing"}`},
	// Salesforce REST: a top-level array of {message, errorCode, fields}.
	"/foreign/salesforce/required-field": {400, []string{"Content-Type: application/json;charset=UTF-8", "Sforce-Limit-Info: api-usage=25/15000"},
		`[{"message":"Required fields are missing: [LastName]","errorCode":"REQUIRED_FIELD_MISSING","fields":["LastName"]}]`},
	// HubSpot: status "error", message, correlationId, category, errors[].
	"/foreign/hubspot/invalid-email": {400, []string{"Content-Type: application/json;charset=utf-8", "X-HubSpot-Correlation-Id: 3c1e9f52-7a4b-4d8e-a2f1-9b0c6d5e4f3a", "X-HubSpot-RateLimit-Max: 100", "X-HubSpot-RateLimit-Remaining: 99", "X-HubSpot-RateLimit-Interval-Milliseconds: 10000", "Server: cloudflare", "CF-Ray: 8e5b7d9f1a2c3e4f-FRA"},
		`{"status":"error","message":"Property values were not valid","correlationId":"3c1e9f52-7a4b-4d8e-a2f1-9b0c6d5e4f3a","category":"VALIDATION_ERROR","errors":[{"message":"'notanemail' is not a valid email address","in":"email"}]}`},
	// Atlassian Jira Cloud: errorMessages[] and errors {field: message}.
	"/foreign/jira/missing-fields": {400, []string{"Content-Type: application/json;charset=UTF-8", "Server: AtlassianEdge", "X-Arequestid: 7d2e9c41b8a35f60", "Atl-Traceid: 4e1b7c9d2f3a5b6c8d0e1f2a3b4c5d6e", "X-Ratelimit-Limit: 350", "X-Ratelimit-Remaining: 349"},
		`{"errorMessages":[],"errors":{"summary":"Summary is required.","issuetype":"Issue type is required."}}`},
	// Zendesk: error, description, details {field: [{description, error}]}.
	"/foreign/zendesk/record-invalid": {422, []string{"Content-Type: application/json; charset=utf-8", "X-Rate-Limit: 700", "X-Rate-Limit-Remaining: 699"},
		`{"error":"RecordInvalid","description":"Record validation errors","details":{"requester":[{"description":"Requester: email address is malformed","error":"InvalidValue"}]}}`},
	// Docker registry / OCI distribution: errors[] code, message, detail.
	"/foreign/docker/unauthorized": {401, []string{"Content-Type: application/json", "Docker-Distribution-Api-Version: registry/2.0", `Www-Authenticate: Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"`},
		`{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":[{"Type":"repository","Class":"","Name":"library/alpine","Action":"pull"}]}]}` + "\n"},
	"/foreign/docker/toomanyrequests": {429, []string{"Content-Type: application/json", "Docker-Distribution-Api-Version: registry/2.0", "RateLimit-Limit: 100;w=21600", "RateLimit-Remaining: 0;w=21600", "Docker-RateLimit-Source: 203.0.113.7"},
		`{"errors":[{"code":"TOOMANYREQUESTS","message":"pull rate limit reached for this account; authenticate or wait for the window to pass"}]}` + "\n"},
	"/foreign/docker/denied": {403, []string{"Content-Type: application/json", "Docker-Distribution-Api-Version: registry/2.0"},
		`{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}` + "\n"},
	// Cloudflare API v4: success, errors[] code/message, messages, result.
	"/foreign/cloudflare/auth-error": {403, []string{"Content-Type: application/json", "Server: cloudflare", "CF-Ray: 8e3d5f7a9b1c2d3e-FRA", "CF-Cache-Status: DYNAMIC"},
		`{"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"messages":[],"result":null}`},
	// HashiCorp Vault: {"errors": [strings]}.
	"/foreign/vault/permission-denied": {403, []string{"Content-Type: application/json", "Cache-Control: no-store"},
		`{"errors":["permission denied"]}` + "\n"},
	// Consul: ACL refusals as text/plain.
	"/foreign/consul/acl-denied": {403, []string{"Content-Type: text/plain; charset=utf-8", "X-Consul-Default-Acl-Policy: deny", "Vary: Accept-Encoding"},
		`Permission denied: token with AccessorID 'f8a1c2d3-4b5e-6f70-8192-a3b4c5d6e7f8' lacks permission 'key:read' on "app/config"`},
	// FastAPI / Pydantic: 422 with detail[] of type, loc, msg, input.
	"/foreign/fastapi/validation": {422, []string{"Content-Type: application/json", "Server: uvicorn"},
		`{"detail":[{"type":"missing","loc":["body","email"],"msg":"Field required","input":{"name":"Ada"}},{"type":"greater_than","loc":["body","age"],"msg":"Input should be greater than 0","input":-3,"ctx":{"gt":0}}]}`},
	// Django REST framework: {"detail": ...} and field -> [messages].
	"/foreign/drf/not-authenticated": {401, []string{"Content-Type: application/json", "Allow: GET, HEAD, OPTIONS", "Vary: Accept", "Www-Authenticate: Token", "X-Frame-Options: DENY", "X-Content-Type-Options: nosniff", "Referrer-Policy: same-origin", "Server: WSGIServer/0.2 CPython/3.12.3"},
		`{"detail":"Authentication credentials were not provided."}`},
	"/foreign/drf/field-errors": {400, []string{"Content-Type: application/json", "Allow: POST, OPTIONS", "Vary: Accept"},
		`{"email":["Enter a valid email address."],"password":["This field may not be blank."]}`},
	// Laravel: 422 with message and errors {field: [messages]}.
	"/foreign/laravel/validation": {422, []string{"Content-Type: application/json", "Cache-Control: no-cache, private", "X-Powered-By: PHP/8.3.12", "X-Ratelimit-Limit: 60", "X-Ratelimit-Remaining: 59"},
		`{"message":"The email field is required. (and 1 more error)","errors":{"email":["The email field is required."],"password":["The password field must be at least 8 characters."]}}`},
	// Spring Boot's default error body: timestamp, status, error, path.
	"/foreign/spring/not-found": {404, []string{"Content-Type: application/json"},
		`{"timestamp":"2026-11-22T10:00:00.000+00:00","status":404,"error":"Not Found","path":"/api/orders/42"}`},
	// ASP.NET Core ValidationProblemDetails.
	"/foreign/aspnetcore/validation": {400, []string{"Content-Type: application/problem+json; charset=utf-8", "Server: Kestrel"},
		`{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"Email":["The Email field is required."],"Age":["The field Age must be between 1 and 120."]},"traceId":"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"}`},
	// Express's default 404 (finalhandler's HTML page).
	"/foreign/express/not-found": {404, []string{"X-Powered-By: Express", "Content-Security-Policy: default-src 'none'", "X-Content-Type-Options: nosniff", "Content-Type: text/html; charset=utf-8"},
		"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /foreign/express/not-found</pre>\n</body>\n</html>\n"},
	// Go's net/http.NotFound.
	"/foreign/gonethttp/not-found": {404, []string{"Content-Type: text/plain; charset=utf-8", "X-Content-Type-Options: nosniff"},
		"404 page not found\n"},
	// SOAP 1.1 fault (faultcode, faultstring) under 500.
	"/foreign/soap11/client-fault": {500, []string{"Content-Type: text/xml; charset=utf-8"},
		`<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>Account number 0042 is not valid</faultstring></soap:Fault></soap:Body></soap:Envelope>`},
	// SOAP 1.2 fault (Code/Value, Reason/Text).
	"/foreign/soap12/receiver-fault": {500, []string{"Content-Type: application/soap+xml; charset=utf-8"},
		`<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code><env:Reason><env:Text xml:lang="en">Backend database unavailable</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>`},
	// nginx's own 502 page (recorded as a body alone).
	"/foreign/nginx/bad-gateway": {502, []string{"Content-Type: text/html", "Server: nginx/1.24.0"},
		"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n"},
	// Envoy's plain-text 503 (recorded as a body alone).
	"/foreign/envoy/no-healthy-upstream": {503, []string{"Content-Type: text/plain", "Server: envoy"},
		"no healthy upstream"},
	// Azure Resource Manager: error.code/message/details; x-ms-* ids.
	"/foreign/azurearm/invalid-template": {400, []string{"Content-Type: application/json; charset=utf-8", "X-Ms-Request-Id: 6d0b2f3e-1a4c-4b5d-9e8f-7a6b5c4d3e2f", "X-Ms-Correlation-Request-Id: 0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f", "X-Ms-Routing-Request-Id: WESTEUROPE:20261122T100000Z:6d0b2f3e-1a4c-4b5d-9e8f-7a6b5c4d3e2f"},
		`{"error":{"code":"InvalidTemplateDeployment","message":"The template deployment 'deploy1' did not pass validation.","details":[{"code":"InvalidParameter","target":"vmSize","message":"The value 'Standard_X99' is not a valid VM size."}]}}`},
	// Notion: object "error", status, code, message, request_id.
	"/foreign/notion/validation": {400, []string{"Content-Type: application/json; charset=utf-8", "Server: cloudflare", "CF-Ray: 8e4a6c8e0f1a2b3c-IAD"},
		`{"object":"error","status":400,"code":"validation_error","message":"body.parent.page_id should be a valid uuid, instead was \"1234\".","request_id":"b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e"}`},
	// Plaid: error_type, error_code, error_message, display_message, request_id.
	"/foreign/plaid/item-login-required": {400, []string{"Content-Type: application/json; charset=utf-8"},
		`{"display_message":null,"documentation_url":"https://plaid.com/docs/errors/item/#item_login_required","error_code":"ITEM_LOGIN_REQUIRED","error_code_reason":null,"error_message":"the item's login details changed; the user must log in again through Link's update mode","error_type":"ITEM_ERROR","request_id":"k3NwQ8zR1tYb5Ve","suggested_action":null}`},
	// Square: errors[] category, code, detail, field.
	"/foreign/square/value-too-low": {400, []string{"Content-Type: application/json", "Square-Version: 2026-10-15"},
		"{\"errors\":[{\"category\":\"INVALID_REQUEST_ERROR\",\"code\":\"VALUE_TOO_LOW\",\"detail\":\"`amount_money.amount` must be greater than or equal to 1.\",\"field\":\"amount_money.amount\"}]}"},
	// Dropbox: error_summary and a tagged error union; X-Dropbox-Request-Id.
	"/foreign/dropbox/path-not-found": {409, []string{"Content-Type: application/json", "X-Dropbox-Request-Id: 4d9c2e1f8a7b4c3d9e0f1a2b3c4d5e6f"},
		`{"error_summary": "path/not_found/..", "error": {".tag": "path", "path": {".tag": "not_found"}}}`},
	// Box: type "error", status, code, message, request_id.
	"/foreign/box/not-found": {404, []string{"Content-Type: application/json"},
		`{"type":"error","status":404,"code":"not_found","context_info":{"errors":[{"reason":"invalid_parameter","name":"file","message":"No file with id 'f_123'"}]},"help_url":"http://developers.box.com/docs/#errors","message":"Not Found","request_id":"6a8f2c1d9e7b3a40"}`},
	// Intercom: type "error.list", request_id, errors[] code/message.
	"/foreign/intercom/unauthorized": {401, []string{"Content-Type: application/json; charset=utf-8", "Intercom-Version: 2.11"},
		`{"type":"error.list","request_id":"0010qs3q8mn4lrsvmea0","errors":[{"code":"unauthorized","message":"Access Token Invalid"}]}`},
	// Heroku Platform API: id, message, url; Request-Id; RateLimit-Remaining.
	"/foreign/heroku/rate-limit": {429, []string{"Content-Type: application/json", "Request-Id: 2e7c1a9b-4d3f-4e8a-b6c5-9f0e1d2c3b4a", "RateLimit-Remaining: 0"},
		`{"id":"rate_limit","message":"Your account reached the API rate limit. Wait a few minutes, then retry.","url":"https://devcenter.heroku.com/articles/platform-api-reference#rate-limits"}`},
	// DigitalOcean: id, message, request_id; ratelimit-* with an epoch reset.
	"/foreign/digitalocean/unauthorized": {401, []string{"Content-Type: application/json", "Ratelimit-Limit: 5000", "Ratelimit-Remaining: 4999", "Ratelimit-Reset: 1795341660"},
		`{"id":"unauthorized","message":"Unable to authenticate you","request_id":"7c3e9a21-5b4d-4f6e-8a0b-1c2d3e4f5a6b"}`},
	// Zoom: a numeric code that is not the HTTP status, message, errors[].
	"/foreign/zoom/validation": {400, []string{"Content-Type: application/json;charset=UTF-8"},
		`{"code":300,"message":"Validation Failed.","errors":[{"field":"settings.duration","message":"Invalid field."}]}`},
	// Microsoft identity platform token endpoint: error, error_description,
	// error_codes[], timestamp, trace_id, correlation_id.
	"/foreign/msidentity/invalid-client": {401, []string{"Content-Type: application/json; charset=utf-8", "Cache-Control: no-store, no-cache", "X-Ms-Request-Id: 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c00", "X-Ms-Ests-Server: 2.1.19543.6 - WEULR1 ProdSlices"},
		`{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.\r\nTrace ID: 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c00\r\nCorrelation ID: 3e2d1c0b-9a8f-4e7d-b6c5-a4b3c2d1e0f9\r\nTimestamp: 2026-11-22 10:00:00Z","error_codes":[7000215],"timestamp":"2026-11-22 10:00:00Z","trace_id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c00","correlation_id":"3e2d1c0b-9a8f-4e7d-b6c5-a4b3c2d1e0f9","error_uri":"https://login.microsoftonline.com/error?code=7000215"}`},
	// Mapbox: {"message": ...} only, behind CloudFront.
	"/foreign/mapbox/invalid-token": {401, []string{"Content-Type: application/json; charset=utf-8", "X-Cache: Error from cloudfront", "Via: 1.1 7c2b9d1e4f3a.cloudfront.net (CloudFront)", "X-Amz-Cf-Pop: FRA56-P1", "X-Amz-Cf-Id: Ab3dEf5gHi7jKl9mNo1pQr3sTu5vWx7yZa9bCd1eFg3hIj5kLm7nOp=="},
		`{"message":"Not Authorized - Invalid Token"}`},
	// VK API: errors under 200; error_code 6 is its per-second throttle.
	"/foreign/vk/too-many-requests": {200, []string{"Content-Type: application/json; charset=utf-8", "Server: kittenx"},
		`{"error":{"error_code":6,"error_msg":"Too many requests per second","request_params":[{"key":"method","value":"users.get"},{"key":"oauth","value":"1"},{"key":"v","value":"5.199"}]}}`},
	// Google's legacy envelope (recorded as a body alone, no host).
	"/foreign/google/daily-limit": {403, []string{"Content-Type: application/json; charset=UTF-8"},
		`{"error":{"code":403,"message":"Daily limit for this API has been exceeded.","errors":[{"domain":"usageLimits","reason":"dailyLimitExceeded","message":"Daily limit for this API has been exceeded."}]}}`},

	// Shapes and headers errcode gets wrong today, from no particular API.
	"/foreign/generic/success-false-200": {200, []string{"Content-Type: application/json"},
		`{"success":false,"error":{"code":"INSUFFICIENT_BALANCE","message":"Wallet balance is too low for this transfer"}}`},
	"/foreign/generic/problem-200": {200, []string{"Content-Type: application/problem+json"},
		`{"type":"https://api.example.net/problems/out-of-credit","title":"Not enough credit","detail":"Balance is 30, the transfer costs 50.","instance":"/transfers/tr_81"}`},
	"/foreign/generic/error-false-200": {200, []string{"Content-Type: application/json"},
		`{"error":false,"data":{"id":42,"name":"widget","stock":7}}`},
	"/foreign/generic/user-not-found": {404, []string{"Content-Type: application/json"},
		`{"error":"User not found"}`},
	"/foreign/generic/retry-after-decimal": {503, []string{"Content-Type: application/json", "Retry-After: 2.0"},
		`{"message":"Service is warming up"}`},
	"/foreign/generic/retry-after-ms": {429, []string{"Content-Type: application/json", "Retry-After-Ms: 1500"},
		`{"message":"Too many requests"}`},
	"/foreign/generic/reset-ms-epoch": {429, []string{"Content-Type: application/json", "X-RateLimit-Limit: 100", "X-RateLimit-Remaining: 0", "X-RateLimit-Reset: 1795341645000"},
		`{"message":"Rate limit exceeded"}`},
	"/foreign/generic/reset-not-wait": {503, []string{"Content-Type: application/json", "X-RateLimit-Limit: 5000", "X-RateLimit-Remaining: 4999", "X-RateLimit-Reset: 3600"},
		`{"message":"Backend unavailable"}`},
	"/foreign/generic/accepted": {202, []string{"Content-Type: application/json", "Location: /v1/exports/exp_7", "Retry-After: 5"},
		`{"id":"exp_7","status":"pending"}`},
	"/foreign/generic/should-retry-false": {429, []string{"Content-Type: application/json", "X-Should-Retry: False"},
		`{"message":"Monthly quota exhausted"}`},
	"/foreign/generic/validation-500": {500, []string{"Content-Type: application/json"},
		`{"message":"Validation failed","errors":[{"field":"email","message":"must be a well-formed email address"},{"field":"age","message":"must be greater than 0"}]}`},
}

func init() {
	for path, r := range foreignReplies {
		replies[path] = r
	}
}
