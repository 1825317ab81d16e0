// CloudFront Function (viewer request, /api/*): the API resolves the tenant from
// x-townhall-host, so it is always overwritten with the viewer's Host here and no
// client can pick its tenant by sending the header itself.
function handler(event) {
  var request = event.request;
  var host = request.headers.host ? request.headers.host.value : "";
  request.headers["x-townhall-host"] = { value: host.toLowerCase() };
  return request;
}
