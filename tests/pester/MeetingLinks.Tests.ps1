BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'BizConfTestHelpers.psm1') -Force
    Import-Module (Get-BizConfModulePath) -Force
    $script:emulator = Start-TestEmulator
}

AfterAll {
    Stop-TestEmulator $script:emulator
}

Describe 'Get-BizConfMeetingLink' {
    BeforeEach {
        Disconnect-BizConf
        Clear-EmulatorRequest $script:emulator
    }

    It 'builds a join link with a Chinese name encoded as UTF-8, without a session' {
        Get-BizConfSession | Should -BeNullOrEmpty
        $link = Get-BizConfMeetingLink -MeetingNumber 1234567890 -DisplayName '张三' -Password 2468
        $link | Should -BeOfType BizConf.MeetingLink
        $link.Uri | Should -BeExactly 'cfcloud://www.bizvideo.cn/join?confno=1234567890&pwd=2468&uname=%E5%BC%A0%E4%B8%89'
        $link.MeetingNumber | Should -Be '1234567890'
        $link.Role | Should -Be 'Attendee'
        $link.DisplayName | Should -Be '张三'
        "$link" | Should -BeExactly $link.Uri
    }

    It 'leaves pwd= and uname= empty when there is no password or name' {
        (Get-BizConfMeetingLink 1234567890).Uri | Should -BeExactly 'cfcloud://www.bizvideo.cn/join?confno=1234567890&pwd=&uname='
    }

    It 'encodes spaces, ampersands and other reserved characters in every value' {
        (Get-BizConfMeetingLink 1234567890 -DisplayName 'Ann & Bob' -Password 'a b=c').Uri |
            Should -BeExactly 'cfcloud://www.bizvideo.cn/join?confno=1234567890&pwd=a%20b%3Dc&uname=Ann%20%26%20Bob'
    }

    It 'builds a host start link from the user id and the host token' {
        $link = Get-BizConfMeetingLink -MeetingNumber 1234567890 -Role Host -UserId 1001 -HostToken 'tok/en+1' -DisplayName '李四'
        $link.Uri | Should -BeExactly 'cfcloud://www.bizvideo.cn/start?confno=1234567890&sid=1001&stype=100&uid=1001&uname=%E6%9D%8E%E5%9B%9B&token=tok%2Fen%2B1'
        $link.Role | Should -Be 'Host'
    }

    It 'refuses a host link without <Missing>' -ForEach @(
        @{ Missing = 'UserId'; Arguments = @{ HostToken = 't' } }
        @{ Missing = 'HostToken'; Arguments = @{ UserId = '1001' } }
    ) {
        Get-BizConfMeetingLink -MeetingNumber 1234567890 -Role Host @Arguments -ErrorVariable refused -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike "InvalidArgument$Missing,*"
    }

    It 'takes names from a CSV of people, one link each' {
        $people = 'DisplayName', '王芳', 'Maria Schneider' | ConvertFrom-Csv
        $links = $people | Get-BizConfMeetingLink -MeetingNumber 1234567890
        $links.Uri | Should -Be @(
            'cfcloud://www.bizvideo.cn/join?confno=1234567890&pwd=&uname=%E7%8E%8B%E8%8A%B3'
            'cfcloud://www.bizvideo.cn/join?confno=1234567890&pwd=&uname=Maria%20Schneider')
    }

    It 'binds from a piped meeting, matching the links the service hands out, and sends nothing itself' {
        Connect-TestSession $script:emulator
        $meeting = New-BizConfMeeting -Name 'Linked' -StartTime (Get-FutureTime) -Duration 30 -Password 9876
        Clear-EmulatorRequest $script:emulator

        $join = $meeting | Get-BizConfMeetingLink
        $host_ = $meeting | Get-BizConfMeetingLink -Role Host -DisplayName demo

        $join.Uri | Should -BeExactly $meeting.ProtocolJoinUrl
        $host_.Uri | Should -BeExactly $meeting.ProtocolHostStartUrl
        (Get-EmulatorRequest $script:emulator).Count | Should -Be 0
    }
}
