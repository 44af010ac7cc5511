
SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

CREATE TABLE public.claims (
    id integer NOT NULL,
    doc_id character varying(64) NOT NULL,
    geonameid bigint NOT NULL,
    place_mention text NOT NULL,
    kind character varying(10) NOT NULL,
    actor character varying(2) NOT NULL,
    stance character varying(7) NOT NULL,
    source_name text NOT NULL,
    source_side character varying(5) NOT NULL,
    date character varying(10),
    date_precision character varying(5),
    date_first date,
    evidence text NOT NULL,
    evidence_start integer NOT NULL,
    evidence_end integer NOT NULL,
    mention_start integer NOT NULL,
    mention_end integer NOT NULL,
    confidence double precision NOT NULL,
    review character varying(9),
    correction text,
    extracted text NOT NULL
);

CREATE SEQUENCE public.claims_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.claims_id_seq OWNED BY public.claims.id;

CREATE TABLE public.documents (
    id character varying(64) NOT NULL,
    origin text NOT NULL,
    url text,
    title text,
    outlet text,
    lang character varying(8),
    published character varying(10),
    published_precision character varying(5),
    text text NOT NULL,
    content_hash character varying(64) NOT NULL,
    extractor_version character varying(100) NOT NULL,
    ingested_at timestamp with time zone NOT NULL
);

CREATE TABLE public.frontwatch_migrations (
    name character varying(200) NOT NULL,
    applied_at timestamp with time zone NOT NULL
);

CREATE TABLE public.layer_geometries (
    layer_id integer NOT NULL,
    date date NOT NULL,
    min_lon double precision NOT NULL,
    min_lat double precision NOT NULL,
    max_lon double precision NOT NULL,
    max_lat double precision NOT NULL,
    geometry bytea NOT NULL
);

CREATE TABLE public.layers (
    id integer NOT NULL,
    name character varying(100) NOT NULL,
    source text NOT NULL,
    first_date date NOT NULL,
    last_date date NOT NULL,
    imported_at timestamp with time zone NOT NULL
);

CREATE SEQUENCE public.layers_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.layers_id_seq OWNED BY public.layers.id;

CREATE TABLE public.mentions (
    id integer NOT NULL,
    doc_id character varying(64) NOT NULL,
    geonameid bigint NOT NULL,
    start integer NOT NULL,
    "end" integer NOT NULL,
    text text NOT NULL,
    score double precision NOT NULL,
    how character varying(50) NOT NULL
);

CREATE SEQUENCE public.mentions_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.mentions_id_seq OWNED BY public.mentions.id;

CREATE TABLE public.place_claims (
    geonameid bigint NOT NULL,
    claims bytea NOT NULL,
    positions bytea NOT NULL
);

CREATE TABLE public.place_status (
    id integer NOT NULL,
    geonameid bigint NOT NULL,
    seq integer NOT NULL,
    date character varying(10) NOT NULL,
    valid_from date NOT NULL,
    valid_until date,
    status character varying(12) NOT NULL,
    partial text,
    claims_for text NOT NULL,
    claims_against text NOT NULL,
    n_claims integer NOT NULL,
    n_for integer DEFAULT 0 NOT NULL,
    n_against integer DEFAULT 0 NOT NULL
);

CREATE SEQUENCE public.place_status_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.place_status_id_seq OWNED BY public.place_status.id;

CREATE TABLE public.places (
    geonameid bigint NOT NULL,
    name text NOT NULL,
    lat double precision NOT NULL,
    lon double precision NOT NULL,
    admin1 text NOT NULL,
    country character varying(2) NOT NULL,
    feature character varying(10) NOT NULL,
    population bigint NOT NULL
);

CREATE TABLE public.reviews (
    id integer NOT NULL,
    claim_id integer NOT NULL,
    action character varying(7) NOT NULL,
    correction text,
    note text NOT NULL,
    author text NOT NULL,
    created_at timestamp with time zone NOT NULL
);

CREATE SEQUENCE public.reviews_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.reviews_id_seq OWNED BY public.reviews.id;

CREATE TABLE public.tokens (
    id integer NOT NULL,
    secret_hash character varying(64) NOT NULL,
    role character varying(6) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);

CREATE SEQUENCE public.tokens_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.tokens_id_seq OWNED BY public.tokens.id;

ALTER TABLE ONLY public.claims ALTER COLUMN id SET DEFAULT nextval('public.claims_id_seq'::regclass);

ALTER TABLE ONLY public.layers ALTER COLUMN id SET DEFAULT nextval('public.layers_id_seq'::regclass);

ALTER TABLE ONLY public.mentions ALTER COLUMN id SET DEFAULT nextval('public.mentions_id_seq'::regclass);

ALTER TABLE ONLY public.place_status ALTER COLUMN id SET DEFAULT nextval('public.place_status_id_seq'::regclass);

ALTER TABLE ONLY public.reviews ALTER COLUMN id SET DEFAULT nextval('public.reviews_id_seq'::regclass);

ALTER TABLE ONLY public.tokens ALTER COLUMN id SET DEFAULT nextval('public.tokens_id_seq'::regclass);

INSERT INTO public.claims VALUES (2, 'e6000dfe5b2a04f6786a73ebd651ec5b219ebe480ecf57c08b22c2a4fa11d165', 709354, 'Toretsk', 'capture', 'RU', 'asserts', 'Russian Ministry of Defence', 'RU', '2025-02-07', 'day', '2025-02-07', 'The Russian Ministry of Defence said its troops liberated Toretsk.', 0, 66, 58, 65, 0.8, NULL, NULL, '{"actor": "RU", "date": "2025-02-07", "evidence_end": 66, "evidence_start": 0, "kind": "capture", "place": 709354, "source": {"name": "Russian Ministry of Defence", "side": "RU"}, "stance": "asserts"}');
INSERT INTO public.claims VALUES (3, 'e6000dfe5b2a04f6786a73ebd651ec5b219ebe480ecf57c08b22c2a4fa11d165', 709354, 'Toretsk', 'capture', 'RU', 'denies', 'Ukrainian General Staff', 'UA', '2025-02-07', 'day', '2025-02-07', 'Ukraine''s General Staff denied that Toretsk had fallen.', 67, 122, 58, 65, 0.8, NULL, NULL, '{"actor": "RU", "date": "2025-02-07", "evidence_end": 122, "evidence_start": 67, "kind": "capture", "place": 709354, "source": {"name": "Ukrainian General Staff", "side": "UA"}, "stance": "denies"}');
INSERT INTO public.claims VALUES (5, '9abacd88f90c4d19847403d5fd3d1522f619489d5f9cf6c1ec4f4dc2b5a970b7', 704422, 'Kupiansk', 'capture', 'UA', 'asserts', 'DeepState', 'third', '2022-09-10', 'day', '2022-09-10', 'Ukrainian troops liberated Kupiansk, DeepState said.', 0, 52, 27, 35, 0.8, NULL, NULL, '{"actor": "UA", "date": "2022-09-10", "evidence_end": 52, "evidence_start": 0, "kind": "capture", "place": 704422, "source": {"name": "DeepState", "side": "third"}, "stance": "asserts"}');
INSERT INTO public.claims VALUES (4, 'e6000dfe5b2a04f6786a73ebd651ec5b219ebe480ecf57c08b22c2a4fa11d165', 703224, 'Pivdenne', 'fighting', 'RU', 'asserts', 'DeepState', 'third', '2025-02-07', 'day', '2025-02-07', 'Fighting continues near Pivdenne, south of Toretsk.', 123, 174, 147, 155, 0.8, 'rejected', NULL, '{"actor": "RU", "date": "2025-02-07", "evidence_end": 174, "evidence_start": 123, "kind": "fighting", "place": 703224, "source": {"name": "DeepState", "side": "third"}, "stance": "asserts"}');
INSERT INTO public.claims VALUES (1, '003e5a707493f53dff9e602fdc518b4551e181ce57cc5783bb36a892d4809366', 709354, 'Toretsk', 'presence', 'RU', 'asserts', 'Ukrainian General Staff', 'UA', '2024-10-12', 'day', '2024-10-12', 'Russian forces entered the eastern part of Toretsk, Ukrainian command said.', 0, 75, 43, 50, 0.8, 'corrected', '{"date": "2024-10-12"}', '{"actor": "RU", "date": "2024-10", "evidence_end": 75, "evidence_start": 0, "kind": "presence", "place": 709354, "source": {"name": "Ukrainian General Staff", "side": "UA"}, "stance": "asserts"}');

INSERT INTO public.documents VALUES ('003e5a707493f53dff9e602fdc518b4551e181ce57cc5783bb36a892d4809366', 'october.txt', 'https://example.org/october', 't', 'Example', 'en', '2024-10-14', 'day', 'Russian forces entered the eastern part of Toretsk, Ukrainian command said.', '003e5a707493f53dff9e602fdc518b4551e181ce57cc5783bb36a892d4809366', 'test-1', '2026-12-05 00:44:44.137786+00');
INSERT INTO public.documents VALUES ('e6000dfe5b2a04f6786a73ebd651ec5b219ebe480ecf57c08b22c2a4fa11d165', 'february.txt', 'https://example.org/february', 't', 'Example', 'en', '2025-02-07', 'day', 'The Russian Ministry of Defence said its troops liberated Toretsk. Ukraine''s General Staff denied that Toretsk had fallen. Fighting continues near Pivdenne, south of Toretsk.', 'e6000dfe5b2a04f6786a73ebd651ec5b219ebe480ecf57c08b22c2a4fa11d165', 'test-1', '2026-12-05 00:44:44.16513+00');
INSERT INTO public.documents VALUES ('9abacd88f90c4d19847403d5fd3d1522f619489d5f9cf6c1ec4f4dc2b5a970b7', 'kupiansk.txt', 'https://example.org/kupiansk', 't', 'Example', 'en', '2022-09-10', 'day', 'Ukrainian troops liberated Kupiansk, DeepState said.', '9abacd88f90c4d19847403d5fd3d1522f619489d5f9cf6c1ec4f4dc2b5a970b7', 'test-1', '2026-12-05 00:44:44.185224+00');

INSERT INTO public.frontwatch_migrations VALUES ('0001_claims', '2026-12-05 00:44:44.060681+00');
INSERT INTO public.frontwatch_migrations VALUES ('0002_layers', '2026-12-05 00:44:44.088955+00');
INSERT INTO public.frontwatch_migrations VALUES ('0003_status_lookup', '2026-12-05 00:44:44.117141+00');
INSERT INTO public.frontwatch_migrations VALUES ('0004_place_claims', '2026-12-05 00:44:44.132578+00');

INSERT INTO public.mentions VALUES (1, '003e5a707493f53dff9e602fdc518b4551e181ce57cc5783bb36a892d4809366', 709354, 43, 50, 'Toretsk', 0.9, 'test');
INSERT INTO public.mentions VALUES (2, 'e6000dfe5b2a04f6786a73ebd651ec5b219ebe480ecf57c08b22c2a4fa11d165', 709354, 58, 65, 'Toretsk', 0.9, 'test');
INSERT INTO public.mentions VALUES (3, 'e6000dfe5b2a04f6786a73ebd651ec5b219ebe480ecf57c08b22c2a4fa11d165', 709354, 58, 65, 'Toretsk', 0.9, 'test');
INSERT INTO public.mentions VALUES (4, 'e6000dfe5b2a04f6786a73ebd651ec5b219ebe480ecf57c08b22c2a4fa11d165', 703224, 147, 155, 'Pivdenne', 0.9, 'test');
INSERT INTO public.mentions VALUES (5, '9abacd88f90c4d19847403d5fd3d1522f619489d5f9cf6c1ec4f4dc2b5a970b7', 704422, 27, 35, 'Kupiansk', 0.9, 'test');

INSERT INTO public.place_claims VALUES (704422, '\x7b226964223a352c22646f63223a2239616261636438386639306334643139383437343033643566643364313532326636313934383964356639636636633165633466346463326235613937306237222c22706c616365223a7b226e616d65223a224b757069616e736b222c2267656f6e616d656964223a3730343432322c226c6174223a34392e373130362c226c6f6e223a33372e363135362c2261646d696e31223a224b6861726b6976204f626c617374227d2c22706c6163655f6d656e74696f6e223a224b757069616e736b222c226b696e64223a2263617074757265222c226163746f72223a225541222c227374616e6365223a2261737365727473222c22736f75726365223a7b226e616d65223a22446565705374617465222c2273696465223a227468697264227d2c2264617465223a22323032322d30392d3130222c2265766964656e6365223a22556b7261696e69616e2074726f6f7073206c6962657261746564204b757069616e736b2c2044656570537461746520736169642e222c2265766964656e63655f7374617274223a302c2265766964656e63655f656e64223a35322c22636f6e666964656e6365223a302e382c2275726c223a2268747470733a2f2f6578616d706c652e6f72672f6b757069616e736b222c22726576696577223a6e756c6c7d', '\x7b22696473223a5b355d2c2264617973223a5b22323032322d30392d3130225d2c22656e6473223a5b3439345d7d');
INSERT INTO public.place_claims VALUES (703224, '\x7b226964223a342c22646f63223a2265363030306466653562326130346636373836613733656264363531656335623231396562653438306563663537633038623232633261346661313164313635222c22706c616365223a7b226e616d65223a2250697664656e6e65222c2267656f6e616d656964223a3730333232342c226c6174223a34382e33362c226c6f6e223a33372e38392c2261646d696e31223a22446f6e6574736b204f626c617374227d2c22706c6163655f6d656e74696f6e223a2250697664656e6e65222c226b696e64223a226669676874696e67222c226163746f72223a225255222c227374616e6365223a2261737365727473222c22736f75726365223a7b226e616d65223a22446565705374617465222c2273696465223a227468697264227d2c2264617465223a22323032352d30322d3037222c2265766964656e6365223a224669676874696e6720636f6e74696e756573206e6561722050697664656e6e652c20736f757468206f6620546f726574736b2e222c2265766964656e63655f7374617274223a3132332c2265766964656e63655f656e64223a3137342c22636f6e666964656e6365223a302e382c2275726c223a2268747470733a2f2f6578616d706c652e6f72672f6665627275617279222c22726576696577223a2272656a6563746564227d', '\x7b22696473223a5b345d2c2264617973223a5b22323032352d30322d3037225d2c22656e6473223a5b3439395d7d');
INSERT INTO public.place_claims VALUES (709354, '\x7b226964223a312c22646f63223a2230303365356137303734393366353364666639653630326664633531386234353531653138316365353763633537383362623336613839326434383039333636222c22706c616365223a7b226e616d65223a22546f726574736b222c2267656f6e616d656964223a3730393335342c226c6174223a34382e333937392c226c6f6e223a33372e383437362c2261646d696e31223a22446f6e6574736b204f626c617374227d2c22706c6163655f6d656e74696f6e223a22546f726574736b222c226b696e64223a2270726573656e6365222c226163746f72223a225255222c227374616e6365223a2261737365727473222c22736f75726365223a7b226e616d65223a22556b7261696e69616e2047656e6572616c205374616666222c2273696465223a225541227d2c2264617465223a22323032342d31302d3132222c2265766964656e6365223a225275737369616e20666f7263657320656e746572656420746865206561737465726e2070617274206f6620546f726574736b2c20556b7261696e69616e20636f6d6d616e6420736169642e222c2265766964656e63655f7374617274223a302c2265766964656e63655f656e64223a37352c22636f6e666964656e6365223a302e382c2275726c223a2268747470733a2f2f6578616d706c652e6f72672f6f63746f626572222c22726576696577223a22636f72726563746564227d2c7b226964223a322c22646f63223a2265363030306466653562326130346636373836613733656264363531656335623231396562653438306563663537633038623232633261346661313164313635222c22706c616365223a7b226e616d65223a22546f726574736b222c2267656f6e616d656964223a3730393335342c226c6174223a34382e333937392c226c6f6e223a33372e383437362c2261646d696e31223a22446f6e6574736b204f626c617374227d2c22706c6163655f6d656e74696f6e223a22546f726574736b222c226b696e64223a2263617074757265222c226163746f72223a225255222c227374616e6365223a2261737365727473222c22736f75726365223a7b226e616d65223a225275737369616e204d696e6973747279206f6620446566656e6365222c2273696465223a225255227d2c2264617465223a22323032352d30322d3037222c2265766964656e6365223a22546865205275737369616e204d696e6973747279206f6620446566656e63652073616964206974732074726f6f7073206c696265726174656420546f726574736b2e222c2265766964656e63655f7374617274223a302c2265766964656e63655f656e64223a36362c22636f6e666964656e6365223a302e382c2275726c223a2268747470733a2f2f6578616d706c652e6f72672f6665627275617279222c22726576696577223a6e756c6c7d2c7b226964223a332c22646f63223a2265363030306466653562326130346636373836613733656264363531656335623231396562653438306563663537633038623232633261346661313164313635222c22706c616365223a7b226e616d65223a22546f726574736b222c2267656f6e616d656964223a3730393335342c226c6174223a34382e333937392c226c6f6e223a33372e383437362c2261646d696e31223a22446f6e6574736b204f626c617374227d2c22706c6163655f6d656e74696f6e223a22546f726574736b222c226b696e64223a2263617074757265222c226163746f72223a225255222c227374616e6365223a2264656e696573222c22736f75726365223a7b226e616d65223a22556b7261696e69616e2047656e6572616c205374616666222c2273696465223a225541227d2c2264617465223a22323032352d30322d3037222c2265766964656e6365223a22556b7261696e6527732047656e6572616c2053746166662064656e696564207468617420546f726574736b206861642066616c6c656e2e222c2265766964656e63655f7374617274223a36372c2265766964656e63655f656e64223a3132322c22636f6e666964656e6365223a302e382c2275726c223a2268747470733a2f2f6578616d706c652e6f72672f6665627275617279222c22726576696577223a6e756c6c7d', '\x7b22696473223a5b312c322c335d2c2264617973223a5b22323032342d31302d3132222c22323032352d30322d3037222c22323032352d30322d3037225d2c22656e6473223a5b3533332c313035352c313536335d7d');

INSERT INTO public.place_status VALUES (4, 704422, 0, '2022-09-10', '2022-09-10', NULL, 'ua_confirmed', NULL, '[5]', '[]', 1, 1, 0);
INSERT INTO public.place_status VALUES (5, 709354, 0, '2024-10-12', '2024-10-12', NULL, 'contested', 'RU presence: Russian forces entered the eastern part of Toretsk, Ukrainian command said.', '[1, 3]', '[2]', 3, 2, 1);

INSERT INTO public.places VALUES (709354, 'Toretsk', 48.3979, 37.8476, 'Donetsk Oblast', 'UA', 'PPLA3', 30000);
INSERT INTO public.places VALUES (703224, 'Pivdenne', 48.36, 37.89, 'Donetsk Oblast', 'UA', 'PPL', 500);
INSERT INTO public.places VALUES (704422, 'Kupiansk', 49.7106, 37.6156, 'Kharkiv Oblast', 'UA', 'PPLA2', 27000);

INSERT INTO public.reviews VALUES (1, 4, 'reject', NULL, 'not about control', 'editor 1', '2026-12-05 00:44:44.201477+00');
INSERT INTO public.reviews VALUES (2, 1, 'correct', '{"date": "2024-10-12"}', '', 'editor 1', '2026-12-05 00:44:44.22114+00');

SELECT pg_catalog.setval('public.claims_id_seq', 5, true);

SELECT pg_catalog.setval('public.layers_id_seq', 1, false);

SELECT pg_catalog.setval('public.mentions_id_seq', 5, true);

SELECT pg_catalog.setval('public.place_status_id_seq', 5, true);

SELECT pg_catalog.setval('public.reviews_id_seq', 2, true);

SELECT pg_catalog.setval('public.tokens_id_seq', 1, false);

ALTER TABLE ONLY public.claims
    ADD CONSTRAINT claims_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.frontwatch_migrations
    ADD CONSTRAINT frontwatch_migrations_pkey PRIMARY KEY (name);

ALTER TABLE ONLY public.layer_geometries
    ADD CONSTRAINT layer_geometries_pkey PRIMARY KEY (layer_id, date);

ALTER TABLE ONLY public.layers
    ADD CONSTRAINT layers_name_key UNIQUE (name);

ALTER TABLE ONLY public.layers
    ADD CONSTRAINT layers_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.mentions
    ADD CONSTRAINT mentions_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.place_claims
    ADD CONSTRAINT place_claims_pkey PRIMARY KEY (geonameid);

ALTER TABLE ONLY public.place_status
    ADD CONSTRAINT place_status_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.places
    ADD CONSTRAINT places_pkey PRIMARY KEY (geonameid);

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT reviews_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.tokens
    ADD CONSTRAINT tokens_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.tokens
    ADD CONSTRAINT tokens_secret_hash_key UNIQUE (secret_hash);

ALTER TABLE ONLY public.place_status
    ADD CONSTRAINT uq_place_status_seq UNIQUE (geonameid, seq);

CREATE INDEX ix_claims_date ON public.claims USING btree (date_first);

CREATE INDEX ix_claims_doc ON public.claims USING btree (doc_id);

CREATE INDEX ix_claims_place_date ON public.claims USING btree (geonameid, date_first);

CREATE INDEX ix_claims_side_date ON public.claims USING btree (source_side, date_first);

CREATE INDEX ix_claims_source ON public.claims USING btree (source_name);

CREATE INDEX ix_mentions_doc ON public.mentions USING btree (doc_id);

CREATE INDEX ix_mentions_place ON public.mentions USING btree (geonameid);

CREATE INDEX ix_place_status_lookup ON public.place_status USING btree (geonameid, valid_from, seq);

CREATE INDEX ix_place_status_range ON public.place_status USING btree (valid_from, valid_until);

CREATE INDEX ix_place_status_status ON public.place_status USING btree (status, valid_from);

CREATE INDEX ix_place_status_until ON public.place_status USING btree (valid_until);

CREATE INDEX ix_places_latlon ON public.places USING btree (lat, lon);

CREATE INDEX ix_reviews_claim ON public.reviews USING btree (claim_id);

ALTER TABLE ONLY public.claims
    ADD CONSTRAINT claims_doc_id_fkey FOREIGN KEY (doc_id) REFERENCES public.documents(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.claims
    ADD CONSTRAINT claims_geonameid_fkey FOREIGN KEY (geonameid) REFERENCES public.places(geonameid);

ALTER TABLE ONLY public.layer_geometries
    ADD CONSTRAINT layer_geometries_layer_id_fkey FOREIGN KEY (layer_id) REFERENCES public.layers(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.mentions
    ADD CONSTRAINT mentions_doc_id_fkey FOREIGN KEY (doc_id) REFERENCES public.documents(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.mentions
    ADD CONSTRAINT mentions_geonameid_fkey FOREIGN KEY (geonameid) REFERENCES public.places(geonameid);

ALTER TABLE ONLY public.place_claims
    ADD CONSTRAINT place_claims_geonameid_fkey FOREIGN KEY (geonameid) REFERENCES public.places(geonameid);

ALTER TABLE ONLY public.place_status
    ADD CONSTRAINT place_status_geonameid_fkey FOREIGN KEY (geonameid) REFERENCES public.places(geonameid);

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT reviews_claim_id_fkey FOREIGN KEY (claim_id) REFERENCES public.claims(id) ON DELETE CASCADE;

