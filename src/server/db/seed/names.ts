/** Name pools for the demo data: varied cultures, diacritics, particles, and Chinese names in characters. */

export interface NamePart {
  /** As written: "Müller", "王". */
  text: string
  /** ASCII form for logins and emails: "mueller", "wang". */
  ascii: string
}

export interface Culture {
  id: string
  given: readonly NamePart[]
  family: readonly NamePart[]
  /** Display order: "王芳" and "Nguyễn An" put the family name first. */
  familyFirst: boolean
  /** Chinese names join without a space. */
  joiner: '' | ' '
  language: 'en' | 'zh-CN'
  /** Countries where such people live in the demo (ISO 3166-1 alpha-2). */
  countries: readonly string[]
  /** Personal mail domains (reserved example names: nothing is ever delivered to a real mailbox). */
  mailDomains: readonly string[]
}

const foldMap: Record<string, string> = { ß: 'ss', æ: 'ae', Æ: 'ae', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', œ: 'oe', þ: 'th', ü: 'ue', ö: 'oe', ä: 'ae' }

/** "Müller" → "mueller", "Lefèvre" → "lefevre", "O'Connor" → "oconnor". */
export function asciiFold(text: string, germanUmlauts = false): string {
  const mapped = [...text]
    .map((ch) => {
      const lower = ch.toLowerCase()
      if (!germanUmlauts && (lower === 'ü' || lower === 'ö' || lower === 'ä')) return ch
      return foldMap[ch] ?? foldMap[lower] ?? ch
    })
    .join('')
  return mapped
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '')
}

const latin = (words: string, germanUmlauts = false): NamePart[] =>
  words.split(',').map((w) => w.trim()).filter(Boolean).map((text) => ({ text, ascii: asciiFold(text, germanUmlauts) }))

/** "王 wang, 欧阳 ouyang" → parts with pinyin. */
const hanzi = (pairs: string): NamePart[] =>
  pairs
    .split(',')
    .map((p) => p.trim().split(/\s+/))
    .filter((p): p is [string, string] => p.length === 2)
    .map(([text, ascii]) => ({ text, ascii }))

const exampleMail = ['example.com', 'example.net', 'example.org', 'mail.example']

export const cultures: readonly Culture[] = [
  {
    id: 'en',
    given: latin('James, Mary, Robert, Patricia, John, Jennifer, Michael, Linda, David, Elizabeth, William, Barbara, Richard, Susan, Joseph, Jessica, Thomas, Sarah, Christopher, Karen, Daniel, Emily, Matthew, Ashley, Anthony, Olivia, Mark, Megan, Steven, Hannah, Brian, Chloe, Kevin, Grace, Jason, Amelia, Ryan, Isla, Gary, Zoe'),
    family: latin("Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Moore, Jackson, Martin, Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young, Allen, King, Wright, Scott, Green, Baker, Adams, Nelson, Hill, O'Connor, McAllister, Fitzgerald, Hughes, Evans, Murphy, Kelly, Campbell, Stewart, Price"),
    familyFirst: false,
    joiner: ' ',
    language: 'en',
    countries: ['US', 'GB', 'IE', 'CA', 'AU', 'NZ'],
    mailDomains: exampleMail
  },
  {
    id: 'de',
    given: latin('Anna, Lukas, Leonie, Jonas, Sophie, Maximilian, Marie, Felix, Lena, Paul, Johanna, Jürgen, Sabine, Uwe, Katrin, Stefan, Birgit, Tobias, Annika, Matthias, Jörg, Ursula, Björn, Heike', true),
    family: latin('Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Koch, Richter, Wolf, Schröder, Neumann, Zimmermann, Krüger, Hartmann, Lange, Werner, Köhler, Braun, Jäger, Vogel', true),
    familyFirst: false,
    joiner: ' ',
    language: 'en',
    countries: ['DE', 'AT', 'CH'],
    mailDomains: exampleMail
  },
  {
    id: 'fr',
    given: latin('Camille, Léa, Chloé, Manon, Hugo, Louis, Gabriel, Jules, Élodie, Théo, Inès, Zoé, Mathieu, Hélène, Noémie, François, Aurélie, Jérôme, Céline, Benoît'),
    family: latin('Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Lefèvre, Fournier, Girard, Bonnet, Dupont, Lambert, Fontaine, Rousseau, Faure, Mercier'),
    familyFirst: false,
    joiner: ' ',
    language: 'en',
    countries: ['FR', 'BE', 'CH', 'CA'],
    mailDomains: exampleMail
  },
  {
    id: 'es',
    given: latin('Lucía, Sofía, Martina, María José, Hugo, Pablo, Alejandro, Álvaro, Javier, Carmen, Isabel, Sergio, Marta, Andrés, Paula, Raúl, Nuria, Diego, Elena, Íñigo'),
    family: latin('García López, Fernández, González, Rodríguez, Martínez, Sánchez, Pérez, Gómez, Ruiz, Hernández, Jiménez, Díaz, Moreno, Muñoz, Álvarez, Romero, Navarro, Torres, Vásquez, Ortega'),
    familyFirst: false,
    joiner: ' ',
    language: 'en',
    countries: ['ES', 'MX', 'AR'],
    mailDomains: exampleMail
  },
  {
    id: 'it',
    given: latin('Giulia, Francesca, Alessandro, Lorenzo, Matteo, Chiara, Giovanni, Federica, Niccolò, Beatrice, Davide, Valentina'),
    family: latin('Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, De Luca, Conti, Gallo, Fontana'),
    familyFirst: false,
    joiner: ' ',
    language: 'en',
    countries: ['IT'],
    mailDomains: exampleMail
  },
  {
    id: 'pl',
    given: latin('Zofia, Julia, Jakub, Kacper, Agnieszka, Krzysztof, Małgorzata, Piotr, Łukasz, Katarzyna, Wojciech, Ewa'),
    family: latin('Nowak, Kowalczyk, Wiśniewski, Wójcik, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak, Dąbrowski, Kozłowski, Mazur'),
    familyFirst: false,
    joiner: ' ',
    language: 'en',
    countries: ['PL', 'CZ'],
    mailDomains: exampleMail
  },
  {
    id: 'nl',
    given: latin('Daan, Sanne, Lotte, Bram, Sem, Femke, Thijs, Anouk, Ruben, Eva'),
    family: latin('de Vries, van Dijk, Jansen, de Jong, Bakker, Visser, Smit, Meijer, van den Berg, Mulder, Bos, Vos'),
    familyFirst: false,
    joiner: ' ',
    language: 'en',
    countries: ['NL', 'BE'],
    mailDomains: exampleMail
  },
  {
    id: 'pt',
    given: latin('João, Maria, Ana, Pedro, Tiago, Beatriz, Rafael, Mariana, Gonçalo, Inês'),
    family: latin('da Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Sousa, Gonçalves'),
    familyFirst: false,
    joiner: ' ',
    language: 'en',
    countries: ['PT', 'BR'],
    mailDomains: exampleMail
  },
  {
    id: 'nordic',
    given: latin('Astrid, Björn, Ingrid, Lars, Sigrid, Magnus, Freja, Søren, Maja, Erik, Sofie, Henrik'),
    family: latin('Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsen, Hansen, Olsen, Jørgensen, Lindqvist, Sørensen, Berg'),
    familyFirst: false,
    joiner: ' ',
    language: 'en',
    countries: ['SE', 'DK', 'NO'],
    mailDomains: exampleMail
  },
  {
    id: 'zh',
    given: hanzi('芳 fang, 娜 na, 伟 wei, 敏 min, 静 jing, 丽 li, 强 qiang, 磊 lei, 军 jun, 洋 yang, 勇 yong, 艳 yan, 杰 jie, 娟 juan, 涛 tao, 明 ming, 超 chao, 秀英 xiuying, 建华 jianhua, 志强 zhiqiang, 晓明 xiaoming, 婷婷 tingting, 海燕 haiyan, 子涵 zihan, 宇轩 yuxuan, 欣怡 xinyi, 浩然 haoran, 雨桐 yutong, 俊杰 junjie, 思远 siyuan, 嘉怡 jiayi, 文博 wenbo'),
    family: hanzi('王 wang, 李 li, 张 zhang, 刘 liu, 陈 chen, 杨 yang, 黄 huang, 赵 zhao, 吴 wu, 周 zhou, 徐 xu, 孙 sun, 马 ma, 朱 zhu, 胡 hu, 郭 guo, 何 he, 林 lin, 罗 luo, 高 gao, 郑 zheng, 梁 liang, 谢 xie, 宋 song, 唐 tang, 欧阳 ouyang, 司马 sima'),
    familyFirst: true,
    joiner: '',
    language: 'zh-CN',
    countries: ['CN', 'CN', 'CN', 'SG', 'TW'],
    mailDomains: ['qq.example', '163.example', 'example.com']
  },
  {
    id: 'ja',
    given: latin('Yuki, Haruto, Sakura, Ren, Aoi, Kenta, Yui, Sota, Hina, Daiki'),
    family: latin('Tanaka, Suzuki, Takahashi, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Sato, Kato'),
    familyFirst: false,
    joiner: ' ',
    language: 'en',
    countries: ['JP'],
    mailDomains: exampleMail
  },
  {
    id: 'in',
    given: latin('Priya, Rahul, Ananya, Arjun, Sneha, Vikram, Aditi, Rohan, Kavya, Sanjay, Deepika, Aarav'),
    family: latin('Sharma, Patel, Iyer, Reddy, Nair, Gupta, Singh, Menon, Chatterjee, Desai, Kapoor, Rao'),
    familyFirst: false,
    joiner: ' ',
    language: 'en',
    countries: ['IN', 'GB', 'SG'],
    mailDomains: exampleMail
  },
  {
    id: 'ar',
    given: latin('Omar, Layla, Yousef, Fatima, Karim, Noor, Hassan, Amira, Tariq, Salma'),
    family: latin('Haddad, Al-Sayed, Khalil, Mansour, Nasser, Farouk, El-Amin, Saleh, Aziz, Hamdan'),
    familyFirst: false,
    joiner: ' ',
    language: 'en',
    countries: ['AE', 'EG', 'JO'],
    mailDomains: exampleMail
  },
  {
    id: 'vi',
    given: latin('An, Bình, Châu, Dũng, Hạnh, Hùng, Lan, Minh, Phương, Thảo, Tuấn, Vy'),
    family: latin('Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng'),
    familyFirst: true,
    joiner: ' ',
    language: 'en',
    countries: ['VN'],
    mailDomains: exampleMail
  }
]

export const prefixes = ['Dr.', 'Prof.', 'Mr.', 'Ms.', 'Mrs.', 'Ing.'] as const
export const suffixes = ['Jr.', 'Sr.', 'III', 'PhD'] as const
