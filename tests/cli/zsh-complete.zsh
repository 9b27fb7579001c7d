# zsh-complete.zsh - type a command line and TAB into an interactive zsh that
# loads completion functions from DIR; succeeds when the screen then shows TEXT.
# usage: zsh -f tests/cli/zsh-complete.zsh DIR 'command line' TEXT
#        (unix.sh calls it under `timeout`: waiting for TEXT that never comes is a failure)
zmodload zsh/zpty || exit 2
zpty shell zsh -f -i
zpty -w shell "fpath=(${(q)1} \$fpath); autoload -U compinit; compinit -u -D; setopt no_beep; PS1='> '; print RE''ADY"
zpty -r shell line '*READY*' || exit 2
zpty -n -w shell "$2"$'\t'
zpty -r shell screen "*${3}*"
found=$?
zpty -d shell
exit $found
