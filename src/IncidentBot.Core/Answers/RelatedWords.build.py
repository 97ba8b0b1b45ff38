#!/usr/bin/env python3
"""Builds src/IncidentBot.Core/Answers/RelatedWords.txt.gz from WordNet 3.0 (licence: RelatedWords.LICENSE.txt beside it).

The re-rank credits a sentence that uses another form or a near-synonym of a question word ("won" for
"win", "death" for "die", "furnished" for "provided"). The relations come from WordNet, read from the
Debian package wordnet-base (`apt-get install wordnet-base`, files under /usr/share/wordnet):

  * derivations, pertainyms and attributes of every sense (WordNet pointers '+', '\\', '=');
  * the irregular forms of the exception lists (verb.exc, noun.exc, adj.exc), both ways;
  * the synonyms of a word's two commonest senses (rarer senses relate too loosely to help).

Only words that are single tokens of letters and digits are kept, and only words WordNet's sense-tagged
corpus has seen at least once (or irregular forms), which keeps rare technical terms and their noise out.
One line per word: the word, a tab, its related words separated by spaces, sorted, so the output is
reproducible. Usage: RelatedWords.build.py [WORDNET_DIR] [OUTPUT]
"""
import collections
import gzip
import sys

SENSES = 2
POINTERS = {'+', '\\', '='}
PARTS = ['noun', 'verb', 'adj', 'adv']


def usable(word):
    return word.isascii() and word.isalnum()


def main(wordnet, output):
    synsets, pointers = {}, {}
    for part in PARTS:
        with open(f'{wordnet}/data.{part}', encoding='latin-1') as lines:
            for line in lines:
                if line.startswith('  '):
                    continue  # licence header
                fields = line.split('|')[0].split()
                pos = 'a' if fields[2] == 's' else fields[2]
                count = int(fields[3], 16)
                words = [fields[4 + 2 * i].lower() for i in range(count)]
                at = 4 + 2 * count
                links = []
                for _ in range(int(fields[at])):
                    symbol, offset, target_pos, source_target = fields[at + 1:at + 5]
                    links.append((symbol, 'a' if target_pos == 's' else target_pos, offset,
                                  int(source_target[:2], 16), int(source_target[2:], 16)))
                    at += 4
                synsets[(pos, fields[0])] = words
                pointers[(pos, fields[0])] = links

    tagged = collections.Counter()
    senses = collections.defaultdict(list)
    for part in PARTS:
        with open(f'{wordnet}/index.{part}', encoding='latin-1') as lines:
            for line in lines:
                if line.startswith('  '):
                    continue
                fields = line.split()
                word, pos, pointer_count = fields[0], fields[1], int(fields[3])
                tagged[word] += int(fields[5 + pointer_count])
                senses[word] += [(rank, (pos, offset)) for rank, offset in enumerate(fields[6 + pointer_count:])]

    related = collections.defaultdict(set)
    for word, word_senses in senses.items():
        for rank, key in word_senses:
            words = synsets[key]
            if rank < SENSES:
                related[word].update(words)
            number = words.index(word) + 1 if word in words else -1
            for symbol, pos, offset, source, target in pointers[key]:
                if symbol in POINTERS and source in (0, number):
                    target_words = synsets[(pos, offset)]
                    related[word].update(target_words if target == 0 else [target_words[target - 1]])

    irregular = set()
    for name in ['verb.exc', 'noun.exc', 'adj.exc']:
        with open(f'{wordnet}/{name}', encoding='latin-1') as lines:
            for line in lines:
                form, *bases = line.split()
                for base in bases:
                    related[form].add(base)
                    related[base].add(form)
                    irregular.update([form, base])

    with gzip.GzipFile(output, 'wb', compresslevel=9, mtime=0) as out:
        for word in sorted(related):
            if not usable(word) or (tagged[word] == 0 and word not in irregular):
                continue
            others = sorted(w for w in related[word] if w != word and usable(w))
            if others:
                out.write(f'{word}\t{" ".join(others)}\n'.encode('ascii'))


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '/usr/share/wordnet',
         sys.argv[2] if len(sys.argv) > 2 else 'src/IncidentBot.Core/Answers/RelatedWords.txt.gz')
