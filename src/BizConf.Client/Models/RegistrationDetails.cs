namespace BizConf;

/// <summary>
/// What a person gives when registering for a meeting: the standard registration fields of docs/API.md, "Registration". A
/// <see cref="Registrant"/>, a report's <see cref="Participant"/> and a <see cref="RegistrantRequest"/> all carry
/// them through this one type, so the three cannot drift apart; the wire names live in one table beside the
/// parsers. The properties stay flat on each object, so Export-Csv writes them as plain columns.
/// </summary>
public abstract class RegistrationDetails
{
    public string? Email { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Address { get; set; }

    public string? City { get; set; }

    public string? State { get; set; }

    public string? Zip { get; set; }

    /// <summary>Two letters (CN).</summary>
    public string? Country { get; set; }

    public string? Phone { get; set; }

    public string? Comments { get; set; }

    public string? Industry { get; set; }

    public string? JobTitle { get; set; }

    /// <summary>The size band of the organization, such as <c>1-20</c> (the API's <c>no_of_employees</c>).</summary>
    public string? NumberOfEmployees { get; set; }

    public string? Organization { get; set; }

    /// <summary>
    /// The language of the registration e-mails. getRegistrants and the reports do not return it, so it is
    /// filled only on a registrant that Add-BizConfRegistrant made.
    /// </summary>
    public string? Language { get; set; }

    public string? PurchasingTimeFrame { get; set; }

    public string? RoleInPurchaseProcess { get; set; }
}
