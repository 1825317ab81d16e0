// CloudFront Function (viewer request, /api/*): the API resolves the tenant from
// x-townhall-host and rate-limits by x-townhall-viewer-ip, so both are always
// overwritten here with the viewer's own Host and address: no client can pick its
// tenant or its apparent address by sending the headers itself.
function handler(event) {
  var request = event.request;
  var host = request.headers.host ? request.headers.host.value : "";
  request.headers["x-townhall-host"] = { value: host.toLowerCase() };
  request.headers["x-townhall-viewer-ip"] = { value: event.viewer ? event.viewer.ip : "" };
  return request;
}
