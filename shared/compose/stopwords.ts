import type { Language } from '../domain/draft'

/**
 * Words that never make a hashtag: articles, pronouns, prepositions, conjunctions, auxiliaries,
 * common adverbs and the most generic verbs. Lowercase; compared with lowercased words.
 */
const GERMAN = `
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
anders auch auf aus außer außerdem bald bei beide beiden beim bereits besonders besser bevor
bin bis bisher bist bitte bloß da dabei dadurch dafür dagegen daher dahin damals damit danach
daneben dann daran darauf daraus darf darfst darin darum darunter darüber das dass davon davor
dazu dein deine deinem deinen deiner deines dem demnach den denen denn dennoch der deren derer
des deshalb dessen desto deswegen dich die dies diese diesem diesen dieser dieses dir doch dort
drei du durch dürfen eben ebenfalls ebenso eher eigentlich ein eine einem einen einer eines
einfach einige einigem einigen einiger einiges einmal eins einzig endlich entweder
er erst erste ersten es etwa etwas euch euer eure eurem euren eurer falls fast folgende
für gab ganz ganze ganzen gar gegen gegenüber gehabt geht gemacht genau gerade gern gerne
geworden gibt ging gleich gut gute guten habe haben hast hat hatte hatten hätte hätten heute
hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer in indem infolge
ins irgend irgendwie ist ja je jede jedem jeden jeder jedes jedoch jemand jene jenem jenen jener
jenes jetzt kam kann kannst kaum kein keine keinem keinen keiner keines klar können könnt
könnte könnten lassen lässt leider machen macht machte mal man manche manchem manchen
mancher manches mehr mein meine meinem meinen meiner meines meist meisten mich mir mit
mittlerweile muss musst müssen müsste nach nachdem natürlich neben nein nicht nichts nie
niemand noch nun nur ob obwohl oder oft ohne per schon sehr sei seid sein seine seinem seinen
seiner seines seit selbst sich sie sind so sobald sodass sogar solch solche solchem solchen
solcher solches soll sollen sollte sollten somit sondern sonst soviel soweit sowie sowohl
später statt stets trotz trotzdem tun um und uns unser unsere unserem unseren unserer unter
usw viel viele vielen vielleicht vier vom von vor wann war waren warst warum was weder weg
wegen weil weiter weitere weiteren welche welchem welchen welcher welches wem wen wenig wenige
weniger wenn wer werde werden werdet weshalb wessen wie wieder wieso will willst wir wird
wirklich wirst wo wobei wodurch woher wohin wohl wollen wollte wollten worden wurde wurden
während wäre wären würde würden zu zum zur zwar zwei zwischen über überhaupt übrigens
geben gehen kommen sagen sehen stehen bringen halten nehmen finden bleiben liegen zeigen
heißt heißen sagt sagte kommt kommen neue neuen neuer neues mehrere dinge ding weise art
`

const ENGLISH = `
a about above after again against all almost also although always am among an and another
any anyone anything are around as at away back be became because become been before being
below between both but by can cannot could did do does doing done down during each either
else enough even ever every everyone everything few for from further get gets getting give
given go goes going gone got had has have having he her here hers herself him himself his how
however i if in into is it its itself just keep know last least less let like likely made
make makes making many may maybe me might mine more most much must my myself need never new
next no nor not nothing now of off often old on once one only onto or other others otherwise
our ours ourselves out over own per perhaps put quite rather really said same say says see
seem seems several shall she should since so some someone something sometimes still such
take than that the their theirs them themselves then there therefore these they thing things
this those though through thus to too took toward towards two under until up upon us use used
using very via was way ways we well were what whatever when where whether which while who
whoever whom whose why will with within without would yes yet you your yours yourself
yourselves able actually already around came come comes good great lot lots want wants
`

const toSet = (words: string) => new Set(words.split(/\s+/u).filter((w) => w !== ''))

export const STOPWORDS: Readonly<Record<Language, ReadonlySet<string>>> = {
  de: toSet(GERMAN),
  en: toSet(ENGLISH),
}

export function isStopword(word: string, language?: Language): boolean {
  const lower = word.toLowerCase()
  if (language) return STOPWORDS[language].has(lower)
  return STOPWORDS.de.has(lower) || STOPWORDS.en.has(lower)
}
