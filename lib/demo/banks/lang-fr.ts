import type { LanguageBank } from "./types";

export const fr: LanguageBank = {
  code: "fr",
  name: "Français",
  rtl: false,
  sep: " ",
  numbers: { dec: ",", group: "\u202f" },
  answer: [(v) => `Réponse : ${v}`, (v) => `La réponse est ${v}.`, (v) => `Résultat final : ${v}`],
  restate: "Énoncé :",
  mathIntro: ["Résolvons le problème étape par étape.", "Solution :", "Procédons étape par étape.", "Décomposons le problème."],
  plan: [
    "Pour répondre, on calcule d'abord les valeurs intermédiaires, puis on les combine.",
    "L'essentiel est de traiter une grandeur à la fois et de surveiller les unités.",
    "Lisons d'abord attentivement la question pour savoir exactement ce qui est demandé.",
  ],
  check: [
    "Vérifions chaque étape une nouvelle fois.",
    "Relisons l'énoncé pour ne rien oublier.",
    "Contrôlons soigneusement les calculs.",
    "Chaque étape concorde avec le calcul précédent.",
  ],
  tableHead: ["Étape", "Calcul"],
  codeIntro: "On peut le vérifier avec un court script Python :",
  keyPoints: "Points clés",
  intros: ["Bien sûr !", "Avec plaisir.", "Bonne question.", "Voici ma réponse."],
  closings: ["J'espère que cela vous aide !", "N'hésitez pas si vous avez des questions.", "Je peux détailler davantage si besoin.", "Bonne continuation !"],
  refusal: "Désolé, je ne peux pas répondre à cette demande.",
  filler: [
    "Autrement dit, l'idée principale reste la même, même vue sous un autre angle.",
    "Ce point mérite d'être répété, car c'est celui qu'on comprend le plus souvent mal.",
    "Je reformule la même idée une fois de plus avec des mots un peu différents.",
    "En pratique, ce genre de petit détail fait une vraie différence.",
    "Cela rejoint aussi ce qui a été dit plus haut, et l'ensemble reste cohérent.",
    "Si quelque chose n'est pas clair, il est utile de relire lentement le paragraphe précédent.",
  ],
  styles: ["", "Sois bref.", "Utilise un langage simple.", "Merci d'être précis."],
  math: {
    shopping: {
      prompt: (p, f) =>
        `Chloé achète ${f(p.a)} cahiers à ${f(p.price)} euros pièce et ${f(p.b)} stylos à ${f(p.price2)} euros pièce. Combien dépense-t-elle au total ?`,
      steps: (p, ans, f) => [
        `Les cahiers coûtent ${f(p.a)} × ${f(p.price)} = ${f(p.sub1)} euros.`,
        `Les stylos coûtent ${f(p.b)} × ${f(p.price2)} = ${f(p.sub2)} euros.`,
        `Au total : ${f(p.sub1)} + ${f(p.sub2)} = ${f(ans)} euros.`,
      ],
    },
    speed: {
      prompt: (p, f) =>
        `Un train roule à ${f(p.v1)} km/h pendant ${f(p.t1)} heures, puis à ${f(p.v2)} km/h pendant ${f(p.t2)} heures. Combien de kilomètres parcourt-il au total ?`,
      steps: (p, ans, f) => [
        `Première partie : ${f(p.v1)} × ${f(p.t1)} = ${f(p.d1)} km.`,
        `Deuxième partie : ${f(p.v2)} × ${f(p.t2)} = ${f(p.d2)} km.`,
        `Distance totale : ${f(p.d1)} + ${f(p.d2)} = ${f(ans)} km.`,
      ],
    },
    percent: {
      prompt: (p, f) =>
        `Une veste coûte ${f(p.price)} euros. Le magasin accorde une remise de ${f(p.pct)} %. Quel est le prix soldé en euros ?`,
      steps: (p, ans, f) => [
        `La remise vaut ${f(p.pct)} % de ${f(p.price)} : ${f(p.price)} × ${f(p.pct)} / ${f(100)} = ${f(p.off)} euros.`,
        `Prix soldé : ${f(p.price)} − ${f(p.off)} = ${f(ans)} euros.`,
      ],
    },
    ages: {
      prompt: (p, f) =>
        `Lucas a ${f(p.age)} ans. Son père est ${f(p.times)} fois plus âgé que lui. Quel âge aura son père dans ${f(p.years)} ans ?`,
      steps: (p, ans, f) => [
        `Âge actuel du père : ${f(p.age)} × ${f(p.times)} = ${f(p.father)} ans.`,
        `Dans ${f(p.years)} ans : ${f(p.father)} + ${f(p.years)} = ${f(ans)} ans.`,
      ],
    },
    area: {
      prompt: (p, f) =>
        `Un jardin rectangulaire mesure ${f(p.len)} m de long et ${f(p.wid)} m de large. Une allée occupe ${f(p.path)} mètres carrés. Combien de mètres carrés restent pour les plantations ?`,
      steps: (p, ans, f) => [
        `Aire du jardin : ${f(p.len)} × ${f(p.wid)} = ${f(p.total)} m².`,
        `Sans l'allée : ${f(p.total)} − ${f(p.path)} = ${f(ans)} m².`,
      ],
    },
    wages: {
      prompt: (p, f) =>
        `Une ouvrière gagne ${f(p.rate)} euros de l'heure et travaille ${f(p.hours)} heures par jour pendant ${f(p.days)} jours. Combien gagne-t-elle au total ?`,
      steps: (p, ans, f) => [
        `Salaire par jour : ${f(p.rate)} × ${f(p.hours)} = ${f(p.daily)} euros.`,
        `Pour ${f(p.days)} jours : ${f(p.daily)} × ${f(p.days)} = ${f(ans)} euros.`,
      ],
    },
  },
  general: {
    photosynthesis: {
      prompt: "Explique simplement comment fonctionne la photosynthèse.",
      answer: [
        "La photosynthèse est le processus par lequel les plantes transforment la lumière du soleil en énergie chimique.",
        "Les feuilles absorbent le dioxyde de carbone de l'air, et les racines puisent l'eau dans le sol.",
        "La chlorophylle, le pigment vert des feuilles, capte la lumière et utilise son énergie pour fabriquer du glucose à partir de ces éléments.",
        "De l'oxygène est libéré au passage, c'est pourquoi les plantes sont si importantes pour l'air que nous respirons.",
      ],
    },
    sky: {
      prompt: "Explique pourquoi le ciel est bleu.",
      answer: [
        "La lumière du soleil paraît blanche, mais c'est en réalité un mélange de toutes les couleurs de l'arc-en-ciel.",
        "En traversant l'atmosphère, la lumière heurte de minuscules molécules de gaz et se diffuse dans toutes les directions.",
        "La lumière bleue a une courte longueur d'onde, elle est donc beaucoup plus diffusée que la lumière rouge ou jaune.",
        "Cette lumière bleue diffusée nous parvient de tous les points du ciel, si bien que le ciel paraît bleu.",
      ],
    },
    email: {
      prompt: "Écris un court e-mail à un collègue pour lui demander de déplacer la réunion de demain à vendredi.",
      answer: [
        "Objet : report de la réunion de demain",
        "Bonjour Thomas,",
        "J'ai un imprévu urgent et je ne pourrai pas assister à notre réunion demain.",
        "Pourrions-nous la déplacer à vendredi, à la même heure ?",
        "Merci de ta compréhension, et désolée de te prévenir si tard.",
        "Bien cordialement,\nClaire",
      ],
    },
    sleep: {
      prompt: "Donne trois conseils pour mieux dormir.",
      answer: [
        "Voici trois conseils pour mieux dormir :",
        "Couche-toi et lève-toi à la même heure chaque jour, même le week-end.",
        "Évite les écrans et la lumière vive une heure avant d'aller au lit.",
        "Garde ta chambre fraîche, sombre et calme, et évite le café après le déjeuner.",
      ],
    },
    palindrome: {
      prompt: "Écris une fonction Python qui vérifie si une chaîne de caractères est un palindrome.",
      answer: [
        "Voici une fonction courte qui fait cela :",
        "Elle ne garde que les lettres et les chiffres et ignore la casse.",
        'Ensuite, elle compare la chaîne nettoyée à son inverse, donc is_palindrome("Anna") renvoie True.',
      ],
    },
    evens: {
      prompt: "Écris une fonction Python qui renvoie la somme des nombres pairs d'une liste.",
      answer: [
        "Une seule ligne suffit :",
        "L'expression génératrice ne garde que les nombres divisibles par 2.",
        "La fonction intégrée sum() les additionne, donc sum_even([1, 2, 3, 4]) renvoie 6.",
      ],
    },
  },
};
