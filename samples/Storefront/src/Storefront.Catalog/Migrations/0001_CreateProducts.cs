namespace Storefront.Catalog.Migrations;

/// <summary>Creates the products table.</summary>
public static class CreateProducts
{
    public const string Sql = "CREATE TABLE products (sku TEXT PRIMARY KEY, name TEXT NOT NULL, price NUMERIC NOT NULL)";
}
