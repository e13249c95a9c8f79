using BizConf.Resources;
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
        var call = WebinarCall("createDiyWebinar", Repeat.Never).WithNotRepeatedNote(
            "It was not tried again, because the request may have been carried out: the API has no webinar list to look in, " +
            $"so look for '{request.Name}' among the webinars of account {LoginName} in the BizConf portal before creating it again.");
        WebinarSchema.Table.Write(call, request, Options.TimeZone, creating: true);
        var root = await SendAsync(call, cancellationToken).ConfigureAwait(false);
        return Own(WebinarParser.Parse(Data(root, call.Endpoint)));
    }

    /// <summary>updateDiyWebinar: the service replaces the webinar with what is sent, so send it whole.</summary>
    public async Task<Webinar> ModifyWebinarAsync(string webinarNumber, WebinarRequest request, CancellationToken cancellationToken = default)
    {
        var number = InputRules.CheckWebinarNumber(webinarNumber);
        request.Validate(Now, requireFutureStart: false);
        var call = WebinarCall("updateDiyWebinar", Repeat.Safe).Add("webinarNo", number);
        WebinarSchema.Table.Write(call, request, Options.TimeZone, creating: false);
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
        var call = WebinarCall("deleteWebinar", Repeat.Never).Add("webinarNo", number);
        return SendAsync(call, cancellationToken);
    }

    private Webinar Own(Webinar webinar)
    {
        webinar.LoginName = LoginName;
        return webinar;
    }

    private ApiRequest WebinarCall(string endpoint, Repeat repeat) =>
        Post(endpoint, repeat).Add("siteSign", RequireSiteSign(endpoint));

    /// <summary>
    /// A read-modify-write of one webinar under the session's lock for it, like <see cref="ChangeMeetingAsync"/>.
    /// </summary>
    public async Task<Webinar> ChangeWebinarAsync(string webinarNumber, System.Func<Webinar, WebinarRequest> change, CancellationToken cancellationToken = default)
    {
        var number = InputRules.CheckWebinarNumber(webinarNumber);
        using (await Locks.AcquireAsync("webinar:" + number, cancellationToken).ConfigureAwait(false))
        {
            var current = await GetWebinarAsync(number, cancellationToken).ConfigureAwait(false);
            return await ModifyWebinarAsync(number, change(current), cancellationToken).ConfigureAwait(false);
        }
    }
}
