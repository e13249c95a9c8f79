namespace BizConf;

/// <summary>
/// What a person gives when registering for a meeting: the standard registration fields of docs/API.md, "Registration". A
/// <see cref="Registrant"/>, a report's <see cref="Participant"/> and a <see cref="RegistrantRequest"/> all carry
/// them through this one type, so the three cannot drift apart; the wire names live in one table beside the
/// parsers. The properties stay flat on each object, so Export-Csv writes them as plain columns.
/// </summary>
public abstract class RegistrationDetails
{
    /// <summary>The e-mail the person registered with; the registration is sent there.</summary>
    public string? Email { get; set; }

    /// <summary>The person's first name.</summary>
    public string? FirstName { get; set; }

    /// <summary>The person's last name.</summary>
    public string? LastName { get; set; }

    /// <summary>The person's street address.</summary>
    public string? Address { get; set; }

    /// <summary>The person's city.</summary>
    public string? City { get; set; }

    /// <summary>The person's state or province.</summary>
    public string? State { get; set; }

    /// <summary>The person's postal code.</summary>
    public string? Zip { get; set; }

    /// <summary>Two letters (CN).</summary>
    public string? Country { get; set; }

    /// <summary>The person's phone number.</summary>
    public string? Phone { get; set; }

    /// <summary>Anything the person wrote to the host when registering.</summary>
    public string? Comments { get; set; }

    /// <summary>The industry the person works in.</summary>
    public string? Industry { get; set; }

    /// <summary>The person's job title.</summary>
    public string? JobTitle { get; set; }

    /// <summary>The size band of the organization, such as <c>1-20</c> (the API's <c>no_of_employees</c>).</summary>
    public string? NumberOfEmployees { get; set; }

    /// <summary>The organization the person belongs to (the API's <c>org</c>).</summary>
    public string? Organization { get; set; }

    /// <summary>
    /// The language of the registration e-mails. getRegistrants and the reports do not return it, so it is
    /// filled only on a registrant that Add-BizConfRegistrant made.
    /// </summary>
    public string? Language { get; set; }

    /// <summary>When the person means to buy, as they answered it.</summary>
    public string? PurchasingTimeFrame { get; set; }

    /// <summary>The person's part in the buying decision, as they answered it.</summary>
    public string? RoleInPurchaseProcess { get; set; }
}
