using System.Threading;
using System.Threading.Tasks;
using BizConf.Transport;

namespace BizConf;

public sealed partial class BizConfClient
{
    /// <summary>
    /// createDiyWebinar. Never sent again after a failure that may hide a webinar made: the API has no webinar
    /// list to look in first (a meeting create looks), so a repeat could make a second webinar.
    /// </summary>
    public async Task<Webinar> CreateWebinarAsync(WebinarRequest request, CancellationToken cancellationToken = default)
    {
        request.Validate(Now, requireFutureStart: true);
        var call = WebinarCall("createDiyWebinar", safeToRepeat: false);
        call.NotRepeatedNote = "It was not tried again, because the request may have been carried out: the API has no webinar list to look in, " +
            $"so look for '{request.Name}' among the webinars of account {LoginName} in the BizConf portal before creating it again.";
        AddWebinarFields(call, request);
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        return Own(WebinarParser.Parse(Data(root, call.Endpoint)));
    }

    /// <summary>updateDiyWebinar: the service replaces the webinar with what is sent, so send it whole.</summary>
    public async Task<Webinar> ModifyWebinarAsync(string webinarNumber, WebinarRequest request, CancellationToken cancellationToken = default)
    {
        var number = InputRules.CheckWebinarNumber(webinarNumber);
        request.Validate(Now, requireFutureStart: false);
        var call = WebinarCall("updateDiyWebinar", safeToRepeat: true).Add("webinarNo", number);
        AddWebinarFields(call, request);
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        return Own(WebinarParser.Parse(Data(root, call.Endpoint)));
    }

    /// <summary>getWebinarInfo.</summary>
    public async Task<Webinar> GetWebinarAsync(string webinarNumber, CancellationToken cancellationToken = default)
    {
        var number = InputRules.CheckWebinarNumber(webinarNumber);
        var call = Get("getWebinarInfo")
            .Add("siteSign", RequireSiteSign("getWebinarInfo"))
            .Add("webinarNo", number);
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        return Own(WebinarParser.Parse(Data(root, call.Endpoint)));
    }

    /// <summary>deleteWebinar.</summary>
    public Task DeleteWebinarAsync(string webinarNumber, CancellationToken cancellationToken = default)
    {
        var number = InputRules.CheckWebinarNumber(webinarNumber);
        var call = WebinarCall("deleteWebinar", safeToRepeat: false).Add("webinarNo", number);
        return SendAsync(call, cancellationToken);
    }

    private Webinar Own(Webinar webinar)
    {
        webinar.LoginName = LoginName;
        return webinar;
    }

    private ApiCall WebinarCall(string endpoint, bool safeToRepeat) =>
        Post(endpoint, safeToRepeat).Add("siteSign", RequireSiteSign(endpoint));

    private void AddWebinarFields(ApiCall call, WebinarRequest request)
    {
        call.Add("confName", request.Name)
            .Add("startTime", Wire(request.StartTime))
            .Add("duration", request.Duration)
            .Add("password", string.IsNullOrEmpty(request.SecretPassword) ? null : request.SecretPassword)
            .AddFlag("optionVideoParticipants", request.ParticipantVideo)
            .AddFlag("optionVideoHost", request.HostVideo)
            .Add("audio", (int)request.Audio)
            // The service's own spelling ("Steam"); with 0 it ignores any stream fields, so none are sent.
            .AddFlag("isPushVideoSteam", request.PushesStream);
        if (request.PushesStream)
        {
            call.Add("streamUrl", request.StreamUrl)
                .Add("liveUrl", request.LiveUrl)
                .Add("streamKey", request.SecretStreamKey);
        }
    }
}
