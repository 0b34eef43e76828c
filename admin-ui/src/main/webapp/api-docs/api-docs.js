// Starts Swagger UI on the page /admin/api/ (ApiDocsServlet) with the API's own OpenAPI document. No validator badge:
// it would send the document to a third-party service.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: 'v1/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis]
  });
});
