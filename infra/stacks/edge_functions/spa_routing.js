// CloudFront Function (viewer request, default behaviour): client-side routes such as
// /projects/42 have no file in the bucket, so any path whose last segment has no file
// extension is served index.html. Done here rather than with distribution-wide error
// responses, which would also rewrite the API's own 403 and 404 answers.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf("/") + 1);
  if (last.indexOf(".") === -1) {
    request.uri = "/index.html";
  }
  return request;
}
