#!/usr/bin/perl
# Perl's regex engine (what PCRE follows, and Perl's JSON::Validator uses for `pattern`):
# reads lines "<base64 pattern>\t<base64 value>" (UTF-8) on stdin, prints 1 or 0 per line.
#   perl pattern-find.pl < pairs.txt
use strict;
use warnings;
use Encode qw(decode);
use MIME::Base64 qw(decode_base64);

while (my $line = <STDIN>) {
    chomp $line;
    next if $line eq '';
    my ($pattern, $value) = map { decode('UTF-8', decode_base64($_)) } split /\t/, $line, -1;
    print(($value =~ /$pattern/) ? "1\n" : "0\n");
}
