# Installs konnect from this unpacked release folder, for this user, without any network:
#   the program    %LOCALAPPDATA%\Programs\konnect\konnect.exe (added to the user's PATH)
#   completions    PowerShell: _konnect.ps1 beside it, loaded from the user's profile
# Run it again from a newer release to upgrade in place. It never touches konnect's config
# or journal. Usage: powershell -ExecutionPolicy Bypass -File install.ps1 [-Prefix DIR] [-NoModifyPath] [-DryRun]
[CmdletBinding()]
param(
    [string]$Prefix = (Join-Path $env:LOCALAPPDATA 'Programs\konnect'),
    [switch]$NoModifyPath,
    [switch]$DryRun
)
$ErrorActionPreference = 'Stop'

function Say([string]$Text) { Write-Host "install.ps1: $Text" }

$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$exe = Join-Path $here 'konnect.exe'
if (-not (Test-Path -LiteralPath $exe)) {
    Write-Error "install.ps1: no konnect.exe beside this script; run it from the unpacked release folder"
    exit 2
}
$target = Join-Path $Prefix 'konnect.exe'
$completion = Join-Path $Prefix '_konnect.ps1'

# Copies through a temporary name, so that the new file appears whole. A konnect.exe that is
# running cannot be replaced on Windows: then it says so and changes nothing.
function Put([string]$From, [string]$To) {
    if ($DryRun) { Say "would install $To"; return }
    New-Item -ItemType Directory -Force -Path (Split-Path -Parent $To) | Out-Null
    $tmp = "$To.new"
    Copy-Item -LiteralPath $From -Destination $tmp -Force
    try {
        Move-Item -LiteralPath $tmp -Destination $To -Force
    } catch {
        Remove-Item -LiteralPath $tmp -Force -ErrorAction SilentlyContinue
        Write-Error "install.ps1: cannot replace $To (is konnect running? close it and run this again)"
        exit 1
    }
}

$before = $null
if (Test-Path -LiteralPath $target) { $before = (& $target --version 2>$null) }
Put $exe $target
Put (Join-Path $here 'completions\_konnect.ps1') $completion
foreach ($doc in 'README.md', 'LICENSE', 'konnect.1') { Put (Join-Path $here $doc) (Join-Path $Prefix $doc) }

if (-not $DryRun) {
    $after = (& $target --version 2>$null)
    if (-not $after) { Write-Error "install.ps1: $target was installed but does not run"; exit 1 }
    if ($before -and $before -ne $after) { Say "upgraded $before to $after in $Prefix" }
    elseif ($before) { Say "reinstalled $after in $Prefix" }
    else { Say "installed $after in $Prefix" }
}

$userPath = [Environment]::GetEnvironmentVariable('Path', 'User')
$parts = @($userPath -split ';' | Where-Object { $_ })
if ($parts -notcontains $Prefix) {
    if ($NoModifyPath) { Say "$Prefix is not on your PATH; add it in Settings > Environment variables" }
    elseif ($DryRun) { Say "would add $Prefix to your PATH" }
    else {
        [Environment]::SetEnvironmentVariable('Path', (($parts + $Prefix) -join ';'), 'User')
        Say "added $Prefix to your PATH: open a new terminal to use konnect"
    }
}

$profilePath = $PROFILE.CurrentUserAllHosts
$load = ". '$completion'  # konnect's completions"
if ($DryRun) { Say "would load the completions from $profilePath" }
elseif (-not ((Test-Path -LiteralPath $profilePath) -and (Select-String -LiteralPath $profilePath -SimpleMatch $load -Quiet))) {
    New-Item -ItemType Directory -Force -Path (Split-Path -Parent $profilePath) | Out-Null
    Add-Content -LiteralPath $profilePath -Value $load
    Say "PowerShell loads konnect's completions from $profilePath"
}
