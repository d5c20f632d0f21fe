//! `konnect completions SHELL`: a completion script. ISP slugs complete as values of `--isp`;
//! in bash and zsh the reference of `status` and `receipt` completes from the journal's recent
//! payments (through the hidden `konnect __references`).

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::context::Ctx;
use crate::journal::Filter;

/// Prints a completion script.
pub fn run(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "konnect", &mut out);
    let script = String::from_utf8_lossy(&out).into_owned();
    let script = match shell {
        clap_complete::Shell::Bash => with_bash_references(&script),
        clap_complete::Shell::Zsh => with_zsh_references(&script),
        _ => script,
    };
    std::io::stdout().write_all(script.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// In bash, the first word after `status` or `receipt` offers the recent references too.
fn with_bash_references(script: &str) -> String {
    let mut out = String::with_capacity(script.len() + 256);
    let mut in_block = false;
    for line in script.lines() {
        let trimmed = line.trim();
        if trimmed == "konnect__subcmd__status)" || trimmed == "konnect__subcmd__receipt)" {
            in_block = true;
        }
        if in_block && trimmed == r#"COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )"# {
            let indent = &line[..line.len() - line.trim_start().len()];
            out.push_str(&format!(
                "{indent}COMPREPLY=( $(compgen -W \"${{opts}} $(konnect __references 2>/dev/null)\" -- \"${{cur}}\") )\n"
            ));
            in_block = false;
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// In zsh, the reference argument of `status` and `receipt` offers the recent references.
fn with_zsh_references(script: &str) -> String {
    let helper = "\n(( $+functions[_konnect_references] )) ||\n_konnect_references() {\n    local -a refs\n    refs=(${(f)\"$(konnect __references 2>/dev/null)\"})\n    compadd -a refs\n}\n";
    let mut out = String::with_capacity(script.len() + helper.len());
    for line in script.lines() {
        if line.contains(":reference -- ") && line.contains(":_default'") {
            out.push_str(&line.replace(":_default'", ":_konnect_references'"));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out.push_str(helper);
    out
}

/// `konnect __references`: the short references of the newest payments, for completion.
/// Quiet on any trouble: a completion must never print an error into the command line.
pub fn references(ctx: &mut Ctx) -> anyhow::Result<ExitCode> {
    let Ok(journal) = ctx.journal_quiet() else {
        return Ok(ExitCode::SUCCESS);
    };
    let newest = journal
        .query(&Filter {
            limit: Some(50),
            ..Filter::default()
        })
        .unwrap_or_default();
    let shorts = journal.short_references().unwrap_or_default();
    for p in newest {
        println!("{}", shorts.get(&p.reference).unwrap_or(&p.reference));
    }
    Ok(ExitCode::SUCCESS)
}
