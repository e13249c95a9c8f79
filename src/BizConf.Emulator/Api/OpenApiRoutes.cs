using System.Text.Json.Nodes;
using BizConf.Emulator.Hosting;

namespace BizConf.Emulator.Api;

/// <summary>An API handler: takes the request's fields and returns the whole answer object, or throws <see cref="ApiFailureException"/>.</summary>
internal delegate JsonObject ApiHandler(RequestFields fields);

/// <summary>
/// Maps <c>/openapi/&lt;name&gt;</c> for its one documented method (routing answers 405 to the others) and wraps the
/// handler so that every outcome is an HTTP 200 envelope, sent only once what it reports is saved: a change whose
/// save failed (and so was undone) is answered 103.
/// </summary>
internal static partial class OpenApiRoutes
{
    public static void MapApi(this IEndpointRouteBuilder routes, string method, string name, ApiHandler handler)
    {
        routes.MapMethods($"{OpenApiPipeline.Prefix}/{name}", new[] { method }, async (HttpContext context) =>
        {
            var saved = SaveWait.Begin();
            var body = Run(context, handler);
            if (await saved.FailureAsync() is { } failure)
            {
                body = Envelope.Failure(ApiStatus.InternalError, $"{ApiStatus.MessageFor(ApiStatus.InternalError)} {failure.Message}");
                OpenApiPipeline.SetApiStatus(context, ApiStatus.InternalError);
            }

            await EndpointResults.WriteAsync(context, body);
        });
    }

    private static JsonObject Run(HttpContext context, ApiHandler handler)
    {
        JsonObject body;
        try
        {
            body = handler(OpenApiPipeline.FieldsOf(context));
        }
        catch (ApiFailureException failure)
        {
            body = Envelope.Failure(failure.Status, failure.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            UnexpectedFailure(context.RequestServices.GetRequiredService<ILogger<ApiHandler>>(), ex, context.Request.Path);
            body = Envelope.Failure(ApiStatus.InternalError, ApiStatus.MessageFor(ApiStatus.InternalError));
        }

        OpenApiPipeline.ApplyClaims(context, body);
        OpenApiPipeline.SetApiStatus(context, StatusOf(body));
        return body;
    }

    /// <summary>The status of an answer: a number, or a string of digits as the webinar endpoints send it.</summary>
    private static int StatusOf(JsonObject body) =>
        body["status"] is JsonValue value && value.TryGetValue<string>(out var text)
            ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : body["status"]!.GetValue<int>();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure in {Path}")]
    private static partial void UnexpectedFailure(ILogger logger, Exception exception, PathString path);
}
