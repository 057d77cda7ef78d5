-- The HS 2022 nomenclature: sections, and each commodity's level, parent and section. Existing rows are kept:
-- the chapters above existing headings are added (from the list below, HS 2022 as in packages/db/data/),
-- and every existing code gets its level, parent and section. The seed then loads the whole nomenclature.

-- CreateTable
CREATE TABLE "hs_section" (
    "code" VARCHAR(5) NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "hs_section_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE UNIQUE INDEX "hs_section_position_key" ON "hs_section"("position");

INSERT INTO "hs_section" ("code", "position", "name") VALUES
  ('I', 1, U&'live animals\003B animal products'),
  ('II', 2, 'Vegetable products'),
  ('III', 3, U&'Animal or vegetable fats and oils and their cleavage products\003B prepared edible fats\003B animal or vegetable waxes'),
  ('IV', 4, U&'Prepared foodstuffs\003B beverages, spirits and vinegar\003B tobacco and manufactured tobacco substitutes'),
  ('V', 5, 'Mineral products'),
  ('VI', 6, 'Products of the chemical or allied industries'),
  ('VII', 7, U&'Plastics and articles thereof\003B rubber and articles thereof '),
  ('VIII', 8, U&'Raw hides and skins, leather, furskins and articles thereof\003B saddlery and harness\003B travel goods, handbags and similar containers\003B articles of animal gut (other than silk-worm gut)'),
  ('IX', 9, U&'Wood and articles of wood\003B wood charcoal\003B cork and articles of cork\003B manufactures of straw, of esparto or of other plaiting materials\003B basketware and wickerwork'),
  ('X', 10, U&'Pulp of wood or of other fibrous cellulosic material\003B recovered (waste and scrap) paper or paperboard\003B paper and paperboard and articles thereof'),
  ('XI', 11, 'Textiles and textile articles'),
  ('XII', 12, U&'Footwear, headgear, umbrellas, sun umbrellas, walking-sticks, seat-sticks, whips, riding-crops and parts thereof\003B prepared feathers and articles made therewith\003B artificial flowers\003B articles of human hair'),
  ('XIII', 13, U&'Articles of stone, plaster, cement, asbestos, mica or similar materials\003B ceramic products\003B glass and glassware'),
  ('XIV', 14, U&'Natural or cultured pearls, precious or semi-precious stones, precious metals, metals clad with precious metal and articles thereof\003B imitation jewellery\003B coin'),
  ('XV', 15, 'Base metals and articles of base metal'),
  ('XVI', 16, U&'Machinery and mechanical appliances\003B electrical equipment\003B parts thereof\003B sound recorders and reproducers, television image and sound recorders and reproducers, and parts and accessories of such articles'),
  ('XVII', 17, 'Vehicles, aircraft, vessels and associated transport equipment'),
  ('XVIII', 18, U&'Optical, photographic, cinematographic, measuring, checking, precision, medical or surgical instruments and apparatus\003B clocks and watches\003B musical instruments\003B parts and accessories thereof'),
  ('XIX', 19, U&'Arms and ammunition\003B parts and accessories thereof'),
  ('XX', 20, 'Miscellaneous manufactured articles'),
  ('XXI', 21, 'Works of art, collectors'' pieces and antiques');

-- AlterTable: nullable until existing rows are filled in.
ALTER TABLE "commodity" ADD COLUMN     "level" SMALLINT,
ADD COLUMN     "parent_code" VARCHAR(6),
ADD COLUMN     "section_code" VARCHAR(5);

CREATE TEMPORARY TABLE "hs_chapter" ("code" VARCHAR(2) PRIMARY KEY, "description" TEXT NOT NULL, "section_code" VARCHAR(5));
INSERT INTO "hs_chapter" VALUES
  ('01', U&'Animals\003B live', 'I'),
  ('02', 'Meat and edible meat offal', 'I'),
  ('03', 'Fish and crustaceans, molluscs and other aquatic invertebrates', 'I'),
  ('04', U&'Dairy produce\003B birds'' eggs\003B natural honey\003B edible products of animal origin, not elsewhere specified or included', 'I'),
  ('05', U&'Animal originated products\003B not elsewhere specified or included', 'I'),
  ('06', U&'Trees and other plants, live\003B bulbs, roots and the like\003B cut flowers and ornamental foliage', 'II'),
  ('07', U&'Vegetables and certain roots and tubers\003B edible', 'II'),
  ('08', U&'Fruit and nuts, edible\003B peel of citrus fruit or melons', 'II'),
  ('09', 'Coffee, tea, mate and spices', 'II'),
  ('10', 'Cereals', 'II'),
  ('11', U&'Products of the milling industry\003B malt, starches, inulin, wheat gluten', 'II'),
  ('12', U&'Oil seeds and oleaginous fruits\003B miscellaneous grains, seeds and fruit, industrial or medicinal plants\003B straw and fodder', 'II'),
  ('13', U&'Lac\003B gums, resins and other vegetable saps and extracts', 'II'),
  ('14', U&'Vegetable plaiting materials\003B vegetable products not elsewhere specified or included', 'II'),
  ('15', U&'Animal, vegetable or microbial fats and oils and their cleavage products\003B prepared edible fats\003B animal or vegetable waxes', 'III'),
  ('16', U&'Meat, fish, crustaceans, molluscs or other aquatic invertebrates, or insects\003B preparations thereof', 'IV'),
  ('17', 'Sugars and sugar confectionery', 'IV'),
  ('18', 'Cocoa and cocoa preparations', 'IV'),
  ('19', U&'Preparations of cereals, flour, starch or milk\003B pastrycooks'' products', 'IV'),
  ('20', 'Preparations of vegetables, fruit, nuts or other parts of plants', 'IV'),
  ('21', 'Miscellaneous edible preparations', 'IV'),
  ('22', 'Beverages, spirits and vinegar', 'IV'),
  ('23', U&'Food industries, residues and wastes thereof\003B prepared animal fodder', 'IV'),
  ('24', U&'Tobacco and manufactured tobacco substitutes\003B products, whether or not containing nicotine, intended for inhalation without combustion\003B other nicotine containing products intended for the intake of nicotine into the human body', 'IV'),
  ('25', U&'Salt\003B sulphur\003B earths, stone\003B plastering materials, lime and cement', 'V'),
  ('26', 'Ores, slag and ash', 'V'),
  ('27', U&'Mineral fuels, mineral oils and products of their distillation\003B bituminous substances\003B mineral waxes', 'V'),
  ('28', U&'Inorganic chemicals\003B organic and inorganic compounds of precious metals\003B of rare earth metals, of radio-active elements and of isotopes', 'VI'),
  ('29', 'Organic chemicals', 'VI'),
  ('30', 'Pharmaceutical products', 'VI'),
  ('31', 'Fertilizers', 'VI'),
  ('32', U&'Tanning or dyeing extracts\003B tannins and their derivatives\003B dyes, pigments and other colouring matter\003B paints, varnishes\003B putty, other mastics\003B inks', 'VI'),
  ('33', U&'Essential oils and resinoids\003B perfumery, cosmetic or toilet preparations', 'VI'),
  ('34', U&'Soap, organic surface-active agents\003B washing, lubricating, polishing or scouring preparations\003B artificial or prepared waxes, candles and similar articles, modelling pastes, dental waxes and dental preparations with a basis of plaster', 'VI'),
  ('35', U&'Albuminoidal substances\003B modified starches\003B glues\003B enzymes', 'VI'),
  ('36', U&'Explosives\003B pyrotechnic products\003B matches\003B pyrophoric alloys\003B certain combustible preparations', 'VI'),
  ('37', 'Photographic or cinematographic goods', 'VI'),
  ('38', 'Chemical products n.e.c.', 'VI'),
  ('39', 'Plastics and articles thereof', 'VII'),
  ('40', 'Rubber and articles thereof', 'VII'),
  ('41', 'Raw hides and skins (other than furskins) and leather', 'VIII'),
  ('42', U&'Articles of leather\003B saddlery and harness\003B travel goods, handbags and similar containers\003B articles of animal gut (other than silk-worm gut)', 'VIII'),
  ('43', U&'Furskins and artificial fur\003B manufactures thereof', 'VIII'),
  ('44', U&'Wood and articles of wood\003B wood charcoal', 'IX'),
  ('45', 'Cork and articles of cork', 'IX'),
  ('46', U&'Manufactures of straw, esparto or other plaiting materials\003B basketware and wickerwork', 'IX'),
  ('47', U&'Pulp of wood or other fibrous cellulosic material\003B recovered (waste and scrap) paper or paperboard', 'X'),
  ('48', U&'Paper and paperboard\003B articles of paper pulp, of paper or paperboard', 'X'),
  ('49', U&'Printed books, newspapers, pictures and other products of the printing industry\003B manuscripts, typescripts and plans', 'X'),
  ('50', 'Silk', 'XI'),
  ('51', U&'Wool, fine or coarse animal hair\003B horsehair yarn and woven fabric', 'XI'),
  ('52', 'Cotton', 'XI'),
  ('53', U&'Vegetable textile fibres\003B paper yarn and woven fabrics of paper yarn', 'XI'),
  ('54', U&'Man-made filaments\003B strip and the like of man-made textile materials', 'XI'),
  ('55', 'Man-made staple fibres', 'XI'),
  ('56', U&'Wadding, felt and nonwovens, special yarns\003B twine, cordage, ropes and cables and articles thereof', 'XI'),
  ('57', 'Carpets and other textile floor coverings', 'XI'),
  ('58', U&'Fabrics\003B special woven fabrics, tufted textile fabrics, lace, tapestries, trimmings, embroidery', 'XI'),
  ('59', U&'Textile fabrics\003B impregnated, coated, covered or laminated\003B textile articles of a kind suitable for industrial use', 'XI'),
  ('60', U&'Fabrics\003B knitted or crocheted', 'XI'),
  ('61', U&'Apparel and clothing accessories\003B knitted or crocheted', 'XI'),
  ('62', U&'Apparel and clothing accessories\003B not knitted or crocheted', 'XI'),
  ('63', U&'Textiles, made up articles\003B sets\003B worn clothing and worn textile articles\003B rags', 'XI'),
  ('64', U&'Footwear\003B gaiters and the like\003B parts of such articles', 'XII'),
  ('65', 'Headgear and parts thereof', 'XII'),
  ('66', U&'Umbrellas, sun umbrellas, walking-sticks, seat sticks, whips, riding crops\003B and parts thereof', 'XII'),
  ('67', U&'Feathers and down, prepared\003B and articles made of feather or of down\003B artificial flowers\003B articles of human hair', 'XII'),
  ('68', U&'Stone, plaster, cement, asbestos, mica or similar materials\003B articles thereof', 'XIII'),
  ('69', 'Ceramic products', 'XIII'),
  ('70', 'Glass and glassware', 'XIII'),
  ('71', U&'Natural, cultured pearls\003B precious, semi-precious stones\003B precious metals, metals clad with precious metal, and articles thereof\003B imitation jewellery\003B coin', 'XIV'),
  ('72', 'Iron and steel', 'XV'),
  ('73', 'Iron or steel articles', 'XV'),
  ('74', 'Copper and articles thereof', 'XV'),
  ('75', 'Nickel and articles thereof', 'XV'),
  ('76', 'Aluminium and articles thereof', 'XV'),
  ('78', 'Lead and articles thereof', 'XV'),
  ('79', 'Zinc and articles thereof', 'XV'),
  ('80', U&'Tin\003B articles thereof', 'XV'),
  ('81', U&'Metals\003B n.e.c., cermets and articles thereof', 'XV'),
  ('82', U&'Tools, implements, cutlery, spoons and forks, of base metal\003B parts thereof, of base metal', 'XV'),
  ('83', U&'Metal\003B miscellaneous products of base metal', 'XV'),
  ('84', U&'Machinery and mechanical appliances, boilers, nuclear reactors\003B parts thereof', 'XVI'),
  ('85', U&'Electrical machinery and equipment and parts thereof\003B sound recorders and reproducers\003B television image and sound recorders and reproducers, parts and accessories of such articles', 'XVI'),
  ('86', U&'Railway, tramway locomotives, rolling-stock and parts thereof\003B railway or tramway track fixtures and fittings and parts thereof\003B mechanical (including electro-mechanical) traffic signalling equipment of all kinds', 'XVII'),
  ('87', U&'Vehicles\003B other than railway or tramway rolling stock, and parts and accessories thereof', 'XVII'),
  ('88', 'Aircraft, spacecraft, and parts thereof', 'XVII'),
  ('89', 'Ships, boats and floating structures', 'XVII'),
  ('90', U&'Optical, photographic, cinematographic, measuring, checking, medical or surgical instruments and apparatus\003B parts and accessories', 'XVIII'),
  ('91', 'Clocks and watches and parts thereof', 'XVIII'),
  ('92', U&'Musical instruments\003B parts and accessories of such articles', 'XVIII'),
  ('93', U&'Arms and ammunition\003B parts and accessories thereof', 'XIX'),
  ('94', U&'Furniture\003B bedding, mattresses, mattress supports, cushions and similar stuffed furnishings\003B lamps and lighting fittings, n.e.c.\003B illuminated signs, illuminated name-plates and the like\003B prefabricated buildings', 'XX'),
  ('95', U&'Toys, games and sports requisites\003B parts and accessories thereof', 'XX'),
  ('96', 'Miscellaneous manufactured articles', 'XX'),
  ('97', U&'Works of art\003B collectors'' pieces and antiques', 'XXI'),
  ('99', 'Commodities not specified according to kind', NULL);

-- The chapters of existing headings and subheadings. (Semicolons in the texts are written \003B: Prisma's
-- migration runner splits the script at every semicolon.)
INSERT INTO "commodity" ("hs_code", "description")
SELECT ch."code", ch."description" FROM "hs_chapter" ch
WHERE EXISTS (SELECT 1 FROM "commodity" c WHERE left(c."hs_code", 2) = ch."code")
ON CONFLICT ("hs_code") DO NOTHING;

UPDATE "commodity" c SET
  "level" = length(c."hs_code"),
  "parent_code" = CASE length(c."hs_code") WHEN 2 THEN NULL ELSE left(c."hs_code", length(c."hs_code") - 2) END,
  "section_code" = ch."section_code"
FROM "hs_chapter" ch WHERE ch."code" = left(c."hs_code", 2);

DROP TABLE "hs_chapter";

-- A code outside HS 2022 has no chapter (so no level) and fails here, a subheading without its heading fails the
-- parent key. Chapter 99 (not specified according to kind) is in no section.
ALTER TABLE "commodity" ALTER COLUMN "level" SET NOT NULL;

-- CreateIndex
CREATE INDEX "commodity_parent_code_idx" ON "commodity"("parent_code");

-- CreateIndex
CREATE INDEX "commodity_level_idx" ON "commodity"("level");

-- AddForeignKey
ALTER TABLE "commodity" ADD CONSTRAINT "commodity_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "commodity"("hs_code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "commodity" ADD CONSTRAINT "commodity_section_code_fkey" FOREIGN KEY ("section_code") REFERENCES "hs_section"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
