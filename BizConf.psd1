@{
    RootModule           = 'BizConf.PowerShell.dll'
    ModuleVersion        = '0.0.0'
    GUID                 = '6f1d2c84-3b7e-4d0a-9a51-2e8c7b4f90d3'
    Author               = 'BizConf module authors'
    CompanyName          = 'BizConf module authors'
    Copyright            = '(c) 2026 BizConf module authors. MIT License.'
    Description          = 'Cmdlets for the BizConf Video (会畅视频) Open API: meetings, webinars, registration, attendance reports, polls and client links.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    CmdletsToExport      = @(
        'Connect-BizConf'
        'Disconnect-BizConf'
        'Get-BizConfSession'
        'New-BizConfMeeting'
        'Get-BizConfMeeting'
        'Set-BizConfMeeting'
        'Remove-BizConfMeeting'
        'Set-BizConfLiveStream'
        'Test-BizConfAccount'
        'Get-BizConfAttendee'
        'Get-BizConfReport'
        'Get-BizConfPoll'
        'New-BizConfWebinar'
        'Get-BizConfWebinar'
        'Set-BizConfWebinar'
        'Remove-BizConfWebinar'
        'Set-BizConfRegistrationQuestion'
        'Add-BizConfRegistrant'
        'Get-BizConfRegistrant'
        'Get-BizConfMeetingLink'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('BizConf', 'Meetings', 'Webinar', 'VideoConferencing', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            # The module ships its LICENSE file too; this is the text of the same MIT licence.
            LicenseUri   = 'https://opensource.org/license/mit'
            # build.ps1 stamps the latest section of CHANGELOG.md here, as it stamps ModuleVersion.
            ReleaseNotes = 'See CHANGELOG.md.'
        }
    }
}
